package com.tixtrack.sms.simulator;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import com.tixtrack.sms.providers.twilio.TwilioProperties;

/**
 * A Twilio-compatible simulator for the local default, so the real Twilio adapter (SDK and all) runs with no
 * network: Messages create with Twilio's JSON and its error answers for test numbers, AvailablePhoneNumbers and
 * IncomingPhoneNumbers for provisioning, and signed delivery-status callbacks. Not a test double: the service's
 * own code path is unchanged, only the base URL differs. Off in the azure profile.
 */
@RestController
@RequestMapping("/simulator/twilio")
@ConditionalOnProperty(name = "sms.simulators.enabled", havingValue = "true")
public class TwilioSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSimulator.class);
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Twilio's documented test numbers and the errors they produce. */
    private static final Map<String, Object[]> TEST_NUMBERS = Map.of(
            "+15005550001", new Object[] {21211, "The 'To' number is not a valid phone number."},
            "+15005550009", new Object[] {21614, "The 'To' number is not a mobile number."},
            "+15005550004", new Object[] {21610, "Attempt to send to unsubscribed recipient"},
            "+15005550002", new Object[] {21612, "The 'To' phone number is not currently reachable via SMS."});

    private final TwilioProperties twilio;
    private final SimulatorProperties settings;
    private final RestClient callbacks = RestClient.create();
    private final Deque<Map<String, String>> sent = new ConcurrentLinkedDeque<>();
    /** the messages as created (full numbers and text), newest first, for Messages.json lists */
    private final Deque<Map<String, Object>> created = new ConcurrentLinkedDeque<>();
    private final AtomicLong sentCount = new AtomicLong();
    private final AtomicInteger nextNumber = new AtomicInteger(200);

    public TwilioSimulator(TwilioProperties twilio, SimulatorProperties settings) {
        this.twilio = twilio;
        this.settings = settings;
    }

    @PostMapping(path = "/2010-04-01/Accounts/{account}/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, Object>> createMessage(@PathVariable String account,
                                                             @RequestParam MultiValueMap<String, String> form)
            throws InterruptedException {
        if (settings.getLatencyMs() > 0) {
            Thread.sleep(settings.getLatencyMs()); // simulated provider time, for demos and the benchmark
        }
        String to = form.getFirst("To");
        Object[] testError = TEST_NUMBERS.get(to);
        if (testError != null) {
            return error(HttpStatus.BAD_REQUEST, (Integer) testError[0], (String) testError[1]);
        }
        Map<String, Object> message = message(account, to, form.getFirst("From"), form.getFirst("Body"));
        String sid = (String) message.get("sid");
        remember(sid, to, form.getFirst("From"));
        created.addFirst(message);
        while (created.size() > 1000) {
            created.pollLast();
        }
        String callback = form.getFirst("StatusCallback");
        if (callback != null && settings.isStatusCallbacks()) {
            String from = form.getFirst("From");
            new Thread(() -> sendStatus(callback, sid, to, from), "twilio-simulator-callback").start();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    /** Messages list, filtered by To and From like Twilio's: how the adapter checks an unclear send. */
    @GetMapping("/2010-04-01/Accounts/{account}/Messages.json")
    public Map<String, Object> listMessages(@PathVariable String account,
                                            @RequestParam(name = "To", required = false) String to,
                                            @RequestParam(name = "From", required = false) String from) {
        List<Map<String, Object>> messages = created.stream()
                .filter(m -> to == null || to.equals(m.get("to")))
                .filter(m -> from == null || from.equals(m.get("from")))
                .limit(50)
                .toList();
        return page("/2010-04-01/Accounts/" + account + "/Messages.json", "messages", messages);
    }

    @GetMapping("/2010-04-01/Accounts/{account}/AvailablePhoneNumbers/{country}/Local.json")
    public Map<String, Object> availableNumbers(@PathVariable String account, @PathVariable String country) {
        String number = "+1415555" + String.format("%04d", nextNumber.getAndIncrement());
        Map<String, Object> available = new LinkedHashMap<>();
        available.put("phone_number", number);
        available.put("friendly_name", number);
        available.put("iso_country", country);
        available.put("capabilities", Map.of("sms", true, "mms", false, "voice", true));
        return page("/2010-04-01/Accounts/" + account + "/AvailablePhoneNumbers/" + country + "/Local.json",
                "available_phone_numbers", List.of(available));
    }

    @PostMapping(path = "/2010-04-01/Accounts/{account}/IncomingPhoneNumbers.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, Object>> buyNumber(@PathVariable String account,
                                                         @RequestParam MultiValueMap<String, String> form) {
        String sid = "PN" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> bought = new LinkedHashMap<>();
        bought.put("account_sid", account);
        bought.put("sid", sid);
        bought.put("phone_number", form.getFirst("PhoneNumber"));
        bought.put("friendly_name", form.getFirst("PhoneNumber"));
        bought.put("sms_url", form.getFirst("SmsUrl"));
        bought.put("date_created", ZonedDateTime.now().format(RFC_2822));
        bought.put("uri", "/2010-04-01/Accounts/" + account + "/IncomingPhoneNumbers/" + sid + ".json");
        return ResponseEntity.status(HttpStatus.CREATED).body(bought);
    }

    @DeleteMapping("/2010-04-01/Accounts/{account}/IncomingPhoneNumbers/{sid}.json")
    public ResponseEntity<Void> releaseNumber(@PathVariable String account, @PathVariable String sid) {
        return ResponseEntity.noContent().build();
    }

    /** What the simulator has accepted (newest first, last 1,000), for the README demo and the benchmark. */
    @GetMapping("/messages")
    public Map<String, Object> messages() {
        return Map.of("count", sentCount.get(), "recent", new ArrayList<>(sent));
    }

    private void remember(String sid, String to, String from) {
        sentCount.incrementAndGet();
        sent.addFirst(Map.of("sid", sid, "to", com.tixtrack.sms.phone.PhoneNumbers.mask(to), "from", from));
        while (sent.size() > 1000) {
            sent.pollLast();
        }
    }

    private void sendStatus(String callbackUrl, String sid, String to, String from) {
        for (String status : List.of("sent", "delivered")) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("AccountSid", twilio.getAccountSid());
            form.add("MessageSid", sid);
            form.add("MessageStatus", status);
            form.add("To", to);
            form.add("From", from);
            try {
                callbacks.post().uri(callbackUrl)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("X-Twilio-Signature", sign(callbackUrl, form))
                        .body(form)
                        .retrieve().toBodilessEntity();
            } catch (RuntimeException e) {
                LOG.debug("status callback for {} not delivered: {}", sid, e.getMessage());
                return;
            }
        }
    }

    /** Twilio's webhook signature: Base64(HMAC-SHA1(auth token, url + sorted name/value pairs)). */
    String sign(String url, MultiValueMap<String, String> form) {
        return signature(twilio.getAuthToken(), url, form.toSingleValueMap());
    }

    /** Twilio's webhook signature of these form fields, as Twilio computes it with this auth token. */
    public static String signature(String authToken, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A created message as Twilio's Messages API returns it (status queued, a fresh SM sid). */
    public static Map<String, Object> message(String account, String to, String from, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", account);
        message.put("api_version", "2010-04-01");
        message.put("body", body);
        message.put("date_created", ZonedDateTime.now().format(RFC_2822));
        message.put("direction", "outbound-api");
        message.put("from", from);
        message.put("num_segments", "1");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("to", to);
        message.put("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
        return message;
    }

    /** One page of a Twilio list resource, the only page. */
    public static Map<String, Object> page(String uri, String key, List<Map<String, Object>> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(key, items);
        page.put("uri", uri);
        page.put("first_page_uri", uri);
        page.put("next_page_uri", null);
        page.put("previous_page_uri", null);
        page.put("page", 0);
        page.put("page_size", Math.max(1, items.size()));
        page.put("start", 0);
        page.put("end", items.size());
        return page;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status.value());
        return ResponseEntity.status(status).body(body);
    }
}
