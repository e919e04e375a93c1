package com.tixtrack.sms.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import com.tixtrack.sms.phone.PhoneNumbers;
import com.tixtrack.sms.providers.plivo.PlivoProperties;

/**
 * A Plivo-compatible simulator for the local default, so the real Plivo adapter runs with no network: Message
 * create with Plivo's JSON answer and its refusals for test numbers, PhoneNumber search and buy and Number delete
 * for provisioning, and delivery-status callbacks signed with Plivo's V3 signature. Like the Twilio simulator it
 * is not a test double: only the base URL differs. Off in the azure profile.
 *
 * <p>Test destinations (the same as the Twilio simulator's, so both providers can be demonstrated alike):
 * +15005550001 invalid number, +15005550009 not a mobile, +15005550004 opted out (texted STOP).
 */
@RestController
@RequestMapping("/simulator/plivo")
@ConditionalOnProperty(name = "sms.simulators.enabled", havingValue = "true")
public class PlivoSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(PlivoSimulator.class);

    /** Test destinations (Plivo's digits-only form) and the text Plivo answers with. */
    private static final Map<String, String> TEST_NUMBERS = Map.of(
            "15005550001", "invalid destination number",
            "15005550009", "destination number is not sms-enabled (landline)",
            "15005550004", "destination number has opted out (blocked by STOP)");

    private final PlivoProperties plivo;
    private final SimulatorProperties settings;
    private final RestClient callbacks = RestClient.create();
    private final SecureRandom random = new SecureRandom();
    private final Deque<Map<String, String>> sent = new ConcurrentLinkedDeque<>();
    /** outbound messages as Plivo lists them (full numbers), newest first */
    private final Deque<Map<String, Object>> created = new ConcurrentLinkedDeque<>();
    private final AtomicLong sentCount = new AtomicLong();
    private final AtomicInteger nextNumber = new AtomicInteger(400);

    public PlivoSimulator(PlivoProperties plivo, SimulatorProperties settings) {
        this.plivo = plivo;
        this.settings = settings;
    }

    @PostMapping(path = "/v1/Account/{authId}/Message/", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> createMessage(@PathVariable String authId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody Map<String, Object> request) throws InterruptedException {
        if (!authorized(authId, authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "authentication failed: check the auth id and auth token");
        }
        if (settings.getLatencyMs() > 0) {
            Thread.sleep(settings.getLatencyMs()); // simulated provider time, for demos and the benchmark
        }
        String src = digits(request.get("src"));
        String dst = digits(request.get("dst"));
        if (src.isEmpty() || dst.isEmpty() || request.get("text") == null) {
            return error(HttpStatus.BAD_REQUEST, "src, dst and text are required");
        }
        String refusal = TEST_NUMBERS.get(dst);
        if (refusal != null) {
            return error(HttpStatus.BAD_REQUEST, refusal);
        }
        String uuid = UUID.randomUUID().toString();
        remember(uuid, dst, src);
        Object url = request.get("url");
        if (url != null && settings.isStatusCallbacks()) {
            new Thread(() -> sendStatus(url.toString(), uuid, src, dst), "plivo-simulator-callback").start();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_id", UUID.randomUUID().toString());
        body.put("message", "message(s) queued");
        body.put("message_uuid", List.of(uuid));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @GetMapping("/v1/Account/{authId}/PhoneNumber/")
    public ResponseEntity<Map<String, Object>> searchNumbers(@PathVariable String authId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "country_iso") String country) {
        if (!authorized(authId, authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "authentication failed: check the auth id and auth token");
        }
        String number = "1415555" + String.format("%04d", nextNumber.getAndIncrement());
        Map<String, Object> available = new LinkedHashMap<>();
        available.put("country", country);
        available.put("number", number);
        available.put("type", "fixed");
        available.put("sms_enabled", true);
        available.put("voice_enabled", true);
        available.put("monthly_rental_rate", "0.80000");
        available.put("resource_uri", "/v1/Account/" + authId + "/PhoneNumber/" + number + "/");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("api_id", UUID.randomUUID().toString());
        page.put("meta", Map.of("limit", 1, "offset", 0, "total_count", 1));
        page.put("objects", List.of(available));
        return ResponseEntity.ok(page);
    }

    @PostMapping("/v1/Account/{authId}/PhoneNumber/{number}/")
    public ResponseEntity<Map<String, Object>> buyNumber(@PathVariable String authId, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorized(authId, authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "authentication failed: check the auth id and auth token");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_id", UUID.randomUUID().toString());
        body.put("message", "created");
        body.put("numbers", List.of(Map.of("number", number, "status", "Success")));
        body.put("status", "fulfilled");
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @DeleteMapping("/v1/Account/{authId}/Number/{number}/")
    public ResponseEntity<Void> releaseNumber(@PathVariable String authId, @PathVariable String number) {
        return ResponseEntity.noContent().build();
    }

    /** What the simulator has accepted (newest first, last 1,000), for the README demo and the benchmark. */
    @GetMapping("/messages")
    public Map<String, Object> messages() {
        return Map.of("count", sentCount.get(), "recent", new ArrayList<>(sent));
    }

    private boolean authorized(String authId, String authorization) {
        if (!plivo.hasCredentials() || !plivo.getAuthId().equals(authId) || authorization == null) {
            return false;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (plivo.getAuthId() + ":" + plivo.getAuthToken()).getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization);
    }

    /** Outbound messages list, from a time on, like Plivo's: how the adapter checks an unclear send. */
    @GetMapping("/v1/Account/{authId}/Message/")
    public ResponseEntity<Map<String, Object>> listMessages(@PathVariable String authId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "message_time__gte", required = false) String since) {
        if (!authorized(authId, authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "authentication failed: check the auth id and auth token");
        }
        List<Map<String, Object>> objects = created.stream()
                .filter(m -> since == null || m.get("message_time").toString().substring(0, 19).compareTo(since) >= 0)
                .limit(20)
                .toList();
        return ResponseEntity.ok(Map.of("api_id", UUID.randomUUID().toString(),
                "meta", Map.of("limit", 20, "offset", 0, "next", ""), "objects", objects));
    }

    private void remember(String uuid, String to, String from) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_uuid", uuid);
        message.put("from_number", from);
        message.put("to_number", to);
        message.put("message_direction", "outbound");
        message.put("message_state", "queued");
        message.put("message_time", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString().replace('T', ' ') + "+00:00");
        created.addFirst(message);
        while (created.size() > 1000) {
            created.pollLast();
        }
        sentCount.incrementAndGet();
        sent.addFirst(Map.of("message_uuid", uuid, "to", PhoneNumbers.mask(to), "from", from));
        while (sent.size() > 1000) {
            sent.pollLast();
        }
    }

    /** Plivo posts sent and delivered as forms, numbers without the +, signed with X-Plivo-Signature-V3. */
    private void sendStatus(String callbackUrl, String uuid, String from, String to) {
        for (String status : List.of("sent", "delivered")) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("From", from);
            form.add("To", to);
            form.add("MessageUUID", uuid);
            form.add("Status", status);
            form.add("Units", "1");
            form.add("MessageTime", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            byte[] nonceBytes = new byte[10];
            random.nextBytes(nonceBytes);
            String nonce = HexFormat.of().formatHex(nonceBytes);
            try {
                callbacks.post().uri(callbackUrl)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("X-Plivo-Signature-V3", signV3(callbackUrl, form, nonce))
                        .header("X-Plivo-Signature-V3-Nonce", nonce)
                        .body(form)
                        .retrieve().toBodilessEntity();
            } catch (RuntimeException e) {
                LOG.debug("status callback for {} not delivered: {}", uuid, e.getMessage());
                return;
            }
        }
    }

    /**
     * Plivo's V3 signature of a POST as its SDKs compute it: Base64(HMAC-SHA256(auth token, url + "?" [+ sorted
     * query] + sorted POST parameters as name + value + "." + nonce)). The callback URLs here carry no query.
     */
    public String signV3(String url, MultiValueMap<String, String> form, String nonce) {
        StringBuilder data = new StringBuilder(url);
        if (!form.isEmpty()) {
            data.append('?');
        }
        new TreeMap<>(form).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> data.append(name).append(value)));
        data.append('.').append(nonce);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(plivo.getAuthToken().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digits(Object number) {
        return number == null ? "" : number.toString().replaceAll("\\D", "");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_id", UUID.randomUUID().toString());
        body.put("error", message);
        return ResponseEntity.status(status).body(body);
    }
}
