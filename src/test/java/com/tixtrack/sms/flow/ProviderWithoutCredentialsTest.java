package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plivo without credentials (its own context): the adapter reports itself UNCONFIGURED in /health and
 * /health/ready, readiness stays UP because Twilio can send, and provider choice skips Plivo instead of failing
 * the sends that would have gone to it.
 */
@TestPropertySource(properties = "sms.providers.plivo.auth-id=")
class ProviderWithoutCredentialsTest extends FlowTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void providerWithoutCredentialsIsSkippedByTheChoice() {
        Order order = order("confirmed", false);
        consent(order, "opted_in");
        senderNumber(order.venueId(), "+1500333" + String.format("%04d", order.venueId() % 10000), PLIVO_ID); // oldest: primary
        int twilioNumber = senderNumber(order.venueId(), "+1500222" + String.format("%04d", order.venueId() % 10000), TWILIO_ID);

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("twilio");
        assertThat(historyOf(order).get("VenuePhoneNumberID")).isEqualTo(twilioNumber);
        assertThat(PLIVO.getAllServeEvents()).isEmpty();
    }

    @Test
    void kenyanDestinationFallsBackToTwilioWhenPlivoCannotBeUsed() {
        int venue = newVenueId();
        Order order = order(venue, "+254722" + String.format("%06d", venue), "confirmed", true);
        consent(order, "opted_in");

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("twilio");
        assertThat(smsSentTo(order.phone())).hasSize(1);
        assertThat(PLIVO.getAllServeEvents()).isEmpty();
    }

    @Test
    void healthShowsTheProviderUnconfiguredWhileReadinessStaysUp() {
        ResponseEntity<JsonNode> health = http.getForEntity("/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode providers = health.getBody().get("components").get("providers");
        assertThat(providers.get("status").asText()).isEqualTo("UP");
        JsonNode plivo = providers.get("components").get("plivo");
        assertThat(plivo.get("status").asText()).isEqualTo("UNCONFIGURED");
        assertThat(plivo.get("details").get("missing").asText()).isEqualTo("sms.providers.plivo.auth-id");
        assertThat(plivo.get("details").get("skipped").asBoolean()).isTrue();
        JsonNode twilio = providers.get("components").get("twilio");
        assertThat(twilio.get("status").asText()).isEqualTo("UP");
        assertThat(twilio.get("details").get("circuitBreaker").asText()).isEqualTo("CLOSED");

        ResponseEntity<JsonNode> ready = http.getForEntity("/health/ready", JsonNode.class);
        assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ready.getBody().get("components").get("providers").get("components").get("plivo").get("status").asText())
                .isEqualTo("UNCONFIGURED");
    }
}
