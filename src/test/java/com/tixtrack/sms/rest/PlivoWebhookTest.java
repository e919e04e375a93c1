package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.tixtrack.sms.webhooks.PlivoSignatureV3;

/** POST /webhook/plivo: V3 signatures, Plivo's number format (no leading +), keywords once per MessageUUID. */
class PlivoWebhookTest extends RestApiTestSupport {

    static final String PATH = "/webhook/plivo";

    static Map<String, String> inbound(String uuid, String from, String to, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", from.substring(1)); // Plivo sends 14155550101, without the +
        params.put("To", to.substring(1));
        params.put("Text", text);
        params.put("Type", "sms");
        params.put("MessageUUID", uuid);
        return params;
    }

    @Test
    void aSignedStopOptsOutAtTheVenueOwningTheNumber() {
        int venue = newVenue();
        String to = senderNumber(venue, "plivo");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        double optOuts = counter("sms.opt_out.total", "source", "sms_keyword");

        ResponseEntity<String> response = postPlivo(PATH, inbound(UUID.randomUUID().toString(), from, to, "Stop"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("<Response/>");
        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
        assertThat(counter("sms.opt_out.total", "source", "sms_keyword")).isEqualTo(optOuts + 1);
    }

    @Test
    void startOptsBackInAndHelpChangesNothing() {
        int venue = newVenue();
        String to = senderNumber(venue, "plivo");
        String from = newPhone();
        consent(venue, from, "opted_out", "checkout");

        assertThat(postPlivo(PATH, inbound(UUID.randomUUID().toString(), from, to, "HELP")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");

        assertThat(postPlivo(PATH, inbound(UUID.randomUUID().toString(), from, to, "START")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
    }

    @Test
    void aNumberWithAnotherProviderIsNotThisVenues() {
        int venue = newVenue();
        String twilioNumber = senderNumber(venue, "twilio");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");

        assertThat(postPlivo(PATH, inbound(UUID.randomUUID().toString(), from, twilioNumber, "STOP"))
                .getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
    }

    @Test
    void aRepeatedMessageUuidIsAppliedOnce() {
        int venue = newVenue();
        String to = senderNumber(venue, "plivo");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> stop = inbound(UUID.randomUUID().toString(), from, to, "STOP");
        double optOuts = counter("sms.opt_out.total");

        assertThat(postPlivo(PATH, stop).getStatusCode().value()).isEqualTo(200);
        jdbc.update("UPDATE SmsConsent SET StatusID = (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in')"
                + " WHERE VenueID = ? AND PhoneNumber = ?", venue, from);
        assertThat(postPlivo(PATH, stop).getStatusCode().value()).isEqualTo(200);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(counter("sms.opt_out.total")).isEqualTo(optOuts + 1);
    }

    @Test
    void invalidV3SignaturesAreRejectedAndCounted() {
        int venue = newVenue();
        String to = senderNumber(venue, "plivo");
        String from = newPhone();
        consent(venue, from, "opted_in", "checkout");
        Map<String, String> params = inbound(UUID.randomUUID().toString(), from, to, "STOP");
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        String good = PlivoSignatureV3.compute("POST", PUBLIC_BASE_URL + PATH, multi, "n-1", plivoToken);
        double failures = counter("sms.webhook.signature_failures", "provider", "plivo");

        // another nonce than the one signed
        assertProblem(postForm(PATH, params, Map.of("X-Plivo-Signature-V3", good, "X-Plivo-Signature-V3-Nonce", "n-2")),
                403);
        // no nonce, no signature
        assertProblem(postForm(PATH, params, Map.of("X-Plivo-Signature-V3", good)), 403);
        assertProblem(postForm(PATH, params, Map.of("X-Plivo-Signature-V3-Nonce", "n-1")), 403);
        // signed with another token
        String forged = PlivoSignatureV3.compute("POST", PUBLIC_BASE_URL + PATH, multi, "n-1", "not-the-token");
        assertProblem(postForm(PATH, params, Map.of("X-Plivo-Signature-V3", forged, "X-Plivo-Signature-V3-Nonce", "n-1")),
                403);
        // signed for another URL
        String stale = PlivoSignatureV3.compute("POST", "https://old.example.test" + PATH, multi, "n-1", plivoToken);
        assertProblem(postForm(PATH, params, Map.of("X-Plivo-Signature-V3", stale, "X-Plivo-Signature-V3-Nonce", "n-1")),
                403);

        assertThat(consentStatus(venue, from)).isEqualTo("opted_in");
        assertThat(counter("sms.webhook.signature_failures", "provider", "plivo")).isEqualTo(failures + 5);

        // and the genuine one, also during a token rotation (several signatures in the header)
        assertThat(postForm(PATH, params, Map.of("X-Plivo-Signature-V3", forged + "," + good,
                "X-Plivo-Signature-V3-Nonce", "n-1")).getStatusCode().value()).isEqualTo(200);
        assertThat(consentStatus(venue, from)).isEqualTo("opted_out");
    }
}
