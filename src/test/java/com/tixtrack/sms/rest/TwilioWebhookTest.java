package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** POST /webhook/twilio: signature checks, keywords, one consent change per MessageSid, venue scoping. */
class TwilioWebhookTest extends RestApiTestSupport {

    static final String PATH = "/webhook/twilio";

    @Test
    void signedStopOptsOutAtTheVenueOwningTheNumberAndAnswersEmptyTwiml() {
        int venue = newVenue();
        int otherVenue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        consent(otherVenue, from, "opted_in", "checkout");
        double optOuts = counter("sms.opt_out.total", "source", "sms_keyword");

        ResponseEntity<String> response = postTwilio(PATH, twilioInbound(sid(), from, to, "STOP"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/xml");
        assertThat(response.getBody()).isEqualTo("<Response/>");
        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
        assertThat(consentStatus(otherVenue, from)).as("other venues keep their consent").isEqualTo("opted_in");
        Map<String, Object> row = consentRow(venue, from);
        assertThat(row.get("OptedOutAt")).isNotNull();
        assertThat(row.get("OptedInAt")).as("the opt-in timestamp is kept").isNotNull();
        assertThat(counter("sms.opt_out.total", "source", "sms_keyword")).isEqualTo(optOuts + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stopall", "Unsubscribe", "CANCEL", "end", "QUIT", "revoke", " OptOut "})
    void everyOptOutWordOptsOut(String word) {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");

        assertThat(postTwilio(PATH, twilioInbound(sid(), from, to, word)).getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "yes", " Unstop "})
    void everyOptInWordOptsBackIn(String word) {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_out", "checkout");
        double optIns = counter("sms.opt_in.total", "source", "sms_keyword");

        assertThat(postTwilio(PATH, twilioInbound(sid(), from, to, word)).getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(consentRow(venue, from).get("OptedOutAt")).as("the opt-out timestamp is kept").isNotNull();
        assertThat(counter("sms.opt_in.total", "source", "sms_keyword")).isEqualTo(optIns + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "info", "Thanks!", "stop please"})
    void helpAndOtherTextsChangeNothing(String text) {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        double optOuts = counter("sms.opt_out.total");
        double optIns = counter("sms.opt_in.total");

        ResponseEntity<String> response = postTwilio(PATH, twilioInbound(sid(), from, to, text));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("<Response/>");
        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts);
        assertThat(counter("sms.opt_in.total")).isEqualTo(optIns);
    }

    @Test
    void twiliosOptOutTypeDecidesWhenSent() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> params = twilioInbound(sid(), from, to, "arret");
        params.put("OptOutType", "STOP");

        assertThat(postTwilio(PATH, params).getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
    }

    @Test
    void stopWithoutAConsentRecordCreatesAnOptOut() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();

        assertThat(postTwilio(PATH, twilioInbound(sid(), from, to, "STOP")).getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
        Map<String, Object> row = consentRow(venue, from);
        assertThat(row.get("InitialConsentAt")).as("no consent was ever given").isNull();
        assertThat(row.get("OptedOutAt")).isNotNull();
    }

    @Test
    void anUnknownNumberIsAcceptedAndChangesNothing() {
        String from = newPhone();
        double optOuts = counter("sms.opt_out.total");

        ResponseEntity<String> response = postTwilio(PATH, twilioInbound(sid(), from, newPhone(), "STOP"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("<Response/>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SmsConsent WHERE PhoneNumber = ?", Integer.class, from))
                .isZero();
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts);
    }

    @Test
    void aRepeatedDeliveryChangesConsentAndCountsOnce() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> stop = twilioInbound(sid(), from, to, "STOP");
        double optOuts = counter("sms.opt_out.total");

        assertThat(postTwilio(PATH, stop).getStatusCode().value()).isEqualTo(200);
        // the consumer opts back in through their account; then Twilio retries the old STOP
        jdbc.update("UPDATE SmsConsent SET StatusID = (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in')"
                + " WHERE VenueID = ? AND PhoneNumber = ?", venue, from);
        ResponseEntity<String> again = postTwilio(PATH, stop);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo("<Response/>");
        assertThat(consentStatus(venue, from)).as("the retried STOP is not applied again").isEqualTo("opted_in");
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?"
                + " AND messageId = ?", Integer.class, "webhook-inbound", "twilio:" + stop.get("MessageSid"))).isOne();
    }

    @Test
    void aFailedAttemptLeavesNoKeySoTheRetryIsApplied() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> stop = twilioInbound(sid(), from, to, "STOP");
        String key = "twilio:" + stop.get("MessageSid");
        double optOuts = counter("sms.opt_out.total");

        jdbc.execute("ALTER TABLE SmsConsent RENAME TO SmsConsentAway"); // the database fails this attempt
        try {
            JsonNode problem = assertProblem(postTwilio(PATH, stop), 500);
            assertThat(problem.get("detail").asText()).contains("incident");
        } finally {
            jdbc.execute("ALTER TABLE SmsConsentAway RENAME TO SmsConsent");
        }
        // the key is removed when the failed exchange completes, just after the answer
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", Integer.class, key) == 0);

        assertThat(postTwilio(PATH, stop).getStatusCode().value()).isEqualTo(200);
        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts + 1);
    }

    @Test
    void concurrentDuplicateDeliveriesChangeConsentOnce() throws Exception {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> stop = twilioInbound(sid(), from, to, "STOP");
        double optOuts = counter("sms.opt_out.total");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> postTwilio(PATH, stop));
            }
            for (Future<ResponseEntity<String>> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                assertThat(f.get().getStatusCode().value()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts + 1);
    }

    @Test
    void aForgedSignatureIsRejectedAndCounted() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> params = twilioInbound(sid(), from, to, "STOP");
        String signature = twilioSignature(PUBLIC_BASE_URL + PATH, params);
        params.put("Body", "START"); // tampered after signing
        double failures = counter("sms.webhook.signature_failures", "provider", "twilio");

        assertProblem(postForm(PATH, params, Map.of("X-Twilio-Signature", signature)), 403);
        assertProblem(postForm(PATH, params, Map.of("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")), 403);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(counter("sms.webhook.signature_failures", "provider", "twilio")).isEqualTo(failures + 2);
    }

    @Test
    void aSignatureForAnotherUrlIsRejected() {
        int venue = newVenue();
        String to = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> params = twilioInbound(sid(), from, to, "STOP");
        double failures = counter("sms.webhook.signature_failures", "provider", "twilio");

        // signed for the address the request really reached, not the public URL Twilio was given
        String local = http.getRootUri() + PATH;
        assertProblem(postForm(PATH, params, Map.of("X-Twilio-Signature", twilioSignature(local, params))), 403);
        // signed for an old public URL
        assertProblem(postForm(PATH, params, Map.of("X-Twilio-Signature",
                twilioSignature("https://old-host.example.test" + PATH, params))), 403);
        // signed for the status path
        assertProblem(postForm(PATH, params, Map.of("X-Twilio-Signature",
                twilioSignature(PUBLIC_BASE_URL + PATH + "/status", params))), 403);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(counter("sms.webhook.signature_failures", "provider", "twilio")).isEqualTo(failures + 3);
    }

    @Test
    void aMissingSignatureIsRejected() {
        double failures = counter("sms.webhook.signature_failures", "provider", "twilio");

        assertProblem(postForm(PATH, twilioInbound(sid(), newPhone(), newPhone(), "STOP"), Map.of()), 403);
        assertProblem(postForm(PATH + "/status", Map.of("MessageSid", sid(), "MessageStatus", "delivered"), Map.of()),
                403);

        assertThat(counter("sms.webhook.signature_failures", "provider", "twilio")).isEqualTo(failures + 2);
    }

    @Test
    void malformedWebhookRequestsAre4xxProblems() {
        assertProblem(postForm(PATH, Map.of(), Map.of("X-Twilio-Signature", "x")), 403);
        Map<String, String> noSid = twilioInbound("", newPhone(), newPhone(), "STOP");
        assertProblem(postTwilio(PATH, noSid), 400);
        assertProblem(postJson(PATH, "{\"Body\":\"STOP\"}", null), 415);
    }

    static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
