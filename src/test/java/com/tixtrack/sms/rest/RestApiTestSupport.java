package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.phone.PhoneNumbers;
import com.tixtrack.sms.webhooks.PlivoSignatureV3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Real HTTP against the service on a random port, H2 underneath. Every test class extending this shares one
 * Spring context, so each test makes its own venues and phone numbers and compares metrics as before/after.
 *
 * <p>The public base URL differs from the address the tests call (as behind a proxy): webhooks must be signed
 * for the public URL, which is what the provider called.
 */
@AutoConfigureObservability(tracing = false) // the Prometheus scrape, as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sms.webhooks.public-base-url=https://sms-public.example.test",
                // a status callback for an id not recorded yet waits 50 + 100 + 200 + 400 ms before it is dropped
                "sms.webhooks.status-wait-retries=4", "sms.webhooks.status-wait-delay-ms=50"})
@ActiveProfiles("test")
public abstract class RestApiTestSupport {

    static final String READER_KEY = "local-reader-key";
    static final String ADMIN_KEY = "local-admin-key";
    static final String PUBLIC_BASE_URL = "https://sms-public.example.test";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final AtomicInteger VENUES = new AtomicInteger(100_000 + ThreadLocalRandom.current().nextInt(800_000));
    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected PhoneNumbers phoneNumbers;

    @Value("${sms.providers.twilio.auth-token}")
    protected String twilioToken;

    @Value("${sms.providers.plivo.auth-token}")
    protected String plivoToken;

    /** A venue id no other test uses. */
    protected int newVenue() {
        return VENUES.incrementAndGet();
    }

    /** A valid US number (E.164, 555 exchange) no other test uses, away from the demo data's +1415555xxxx. */
    protected String newPhone() {
        int[] areas = {212, 213, 312, 617, 646, 718, 202, 305, 512, 206};
        for (int tries = 0; tries < 1000; tries++) {
            int n = NUMBERS.incrementAndGet() % 100_000;
            String candidate = String.format("+1%d555%04d", areas[n / 10_000], n % 10_000);
            if (phoneNumbers.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no valid test phone number found");
    }

    /** Gives the venue an active sender number with this provider and returns the number. */
    protected String senderNumber(int venueId, String provider) {
        String number = newPhone();
        jdbc.update("INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)"
                + " VALUES (?, ?, ?, (SELECT ID FROM ProviderNames WHERE Name = ?),"
                + " (SELECT ID FROM VenuePhoneNumberStatuses WHERE Name = 'active'), CURRENT_TIMESTAMP)",
                venueId, number, "PN" + UUID.randomUUID(), provider);
        return number;
    }

    protected String consentStatus(int venueId, String phone) {
        try {
            return jdbc.queryForObject("SELECT st.Name FROM SmsConsent c JOIN SmsConsentStatuses st ON st.ID = c.StatusID"
                    + " WHERE c.VenueID = ? AND c.PhoneNumber = ?", String.class, venueId, phone);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    protected Map<String, Object> consentRow(int venueId, String phone) {
        return jdbc.queryForMap("SELECT * FROM SmsConsent WHERE VenueID = ? AND PhoneNumber = ?", venueId, phone);
    }

    protected void consent(int venueId, String phone, String status, String source) {
        jdbc.update("INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt, OptedInAt,"
                + " OptedOutAt) VALUES (?, ?, (SELECT ID FROM SmsConsentStatuses WHERE Name = ?),"
                + " (SELECT ID FROM ConsentSources WHERE Name = ?), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CASE WHEN ? = 'opted_out' THEN CURRENT_TIMESTAMP END)", venueId, phone, status, source, status);
    }

    /** The sum of a counter over all its tags (or those given as name, value pairs). */
    protected double counter(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    // --- Twilio -------------------------------------------------------------------------------------------------

    /** X-Twilio-Signature as Twilio computes it: Base64 HMAC-SHA1 of the URL and the sorted params as key+value. */
    protected String twilioSignature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        return hmac("HmacSHA1", twilioToken, data.toString());
    }

    protected Map<String, String> twilioInbound(String messageSid, String from, String to, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("AccountSid", "ACtest0000000000000000000000000000");
        params.put("From", from);
        params.put("To", to);
        params.put("Body", body);
        params.put("NumMedia", "0");
        return params;
    }

    /** POSTs the form to the path, signed for the public URL of that path. */
    protected ResponseEntity<String> postTwilio(String path, Map<String, String> params) {
        return postForm(path, params, Map.of("X-Twilio-Signature", twilioSignature(PUBLIC_BASE_URL + path, params)));
    }

    protected ResponseEntity<String> postForm(String path, Map<String, String> params, Map<String, String> headers) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.forEach(h::add);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, h), String.class);
    }

    // --- Plivo --------------------------------------------------------------------------------------------------

    protected ResponseEntity<String> postPlivo(String path, Map<String, String> params) {
        String nonce = String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        String signature = PlivoSignatureV3.compute("POST", PUBLIC_BASE_URL + path, multi, nonce, plivoToken);
        return postForm(path, params, Map.of("X-Plivo-Signature-V3", signature, "X-Plivo-Signature-V3-Nonce", nonce));
    }

    // --- JSON APIs ----------------------------------------------------------------------------------------------

    /** GET with the path sent exactly as written (already encoded: %2B stays %2B). */
    protected ResponseEntity<String> get(String path, String apiKey) {
        return get(path, apiKey, null);
    }

    protected ResponseEntity<String> get(String path, String apiKey, String accept) {
        HttpHeaders h = new HttpHeaders();
        if (apiKey != null) {
            h.add("X-Api-Key", apiKey);
        }
        if (accept != null) {
            h.add(HttpHeaders.ACCEPT, accept);
        }
        return http.exchange(URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    protected ResponseEntity<String> postJson(String path, String body, String apiKey) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (apiKey != null) {
            h.add("X-Api-Key", apiKey);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** An RFC 9457 problem with this status. */
    protected static JsonNode assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.has("instance")).isTrue();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static String hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
