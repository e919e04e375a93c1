package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Provider choice (country rule, venue's number) and failover (open breaker, outage) end to end, and the rule
 * that makes failover safe: after an ambiguous result the event never reaches a second provider. Assertions are on
 * the HTTP requests each provider received and on the history row (ProviderNameID, VenuePhoneNumberID).
 */
class ProviderChoiceAndFailoverTest extends FlowTestSupport {

    @Test
    void kenyanDestinationGoesToPlivoByCountryRuleOnANumberBoughtThere() {
        int venue = newVenueId();
        Order order = order(venue, "+254712" + String.format("%06d", venue), "confirmed", true); // a Twilio number only
        consent(order, "opted_in");
        PLIVO.stubFor(get(urlPathMatching("/v1/Account/[^/]+/PhoneNumber/"))
                .willReturn(okJson("""
                        {"api_id": "a", "meta": {"limit": 1, "offset": 0, "total_count": 1},
                         "objects": [{"number": "14155550777", "country": "UNITED STATES", "sms_enabled": true}]}""")));
        PLIVO.stubFor(post(urlPathMatching("/v1/Account/[^/]+/PhoneNumber/14155550777/"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"api_id": "b", "message": "created", "numbers": [{"number": "14155550777", "status": "Success"}],
                         "status": "fulfilled"}""")));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("plivo");
        assertThat(historyOf(order).get("VenuePhoneNumberID")).isEqualTo(numberId(order, PLIVO_ID));
        assertThat(senderOf(order, PLIVO_ID)).isEqualTo("+14155550777");
        JsonNode sent = json(plivoSentTo(order.phone()).get(0).getBodyAsString());
        assertThat(sent.path("src").asText()).isEqualTo("14155550777");
        assertThat(sent.path("url").asText()).endsWith("/webhook/plivo/status");
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void venueWhoseNumberIsOnPlivoSendsThroughPlivo() {
        Order order = order("confirmed", false);
        consent(order, "opted_in");
        int plivoNumber = senderNumber(order.venueId(), "+1500666" + String.format("%04d", order.venueId() % 10000), PLIVO_ID);

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("plivo");
        assertThat(historyOf(order).get("VenuePhoneNumberID")).isEqualTo(plivoNumber);
        assertThat(historyOf(order).get("ProviderMessageID").toString()).hasSize(36); // Plivo's message UUID
        assertThat(plivoSentTo(order.phone())).hasSize(1);
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void openBreakerFailsOverToTheVenuesSecondaryNumber() {
        Order order = consentedOrder(); // Twilio number, the venue's oldest: Twilio is primary
        int plivoNumber = senderNumber(order.venueId(), "+1500777" + String.format("%04d", order.venueId() % 10000), PLIVO_ID);
        breaker("twilio").transitionToForcedOpenState();

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("plivo");
        assertThat(historyOf(order).get("VenuePhoneNumberID")).isEqualTo(plivoNumber);
        JsonNode sent = json(plivoSentTo(order.phone()).get(0).getBodyAsString());
        assertThat(sent.path("src").asText()).isEqualTo(senderOf(order, PLIVO_ID).substring(1));
        assertThat(sent.path("dst").asText()).isEqualTo(order.phone().substring(1));
        assertThat(plivoSentTo(order.phone())).hasSize(1);
        assertThat(smsSentTo(order.phone())).isEmpty(); // the open breaker kept Twilio from being called at all
    }

    @Test
    void outageFailsOverAtOnceWhenNothingCanHaveBeenSent() {
        Order order = consentedOrder();
        senderNumber(order.venueId(), "+1500888" + String.format("%04d", order.venueId() % 10000), PLIVO_ID);
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(503, 20500)));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("plivo");
        assertThat(smsSentTo(order.phone())).hasSize(1);
        assertThat(plivoSentTo(order.phone())).hasSize(1);
    }

    @Test
    void timeoutAfterTheRequestLeftIsRetriedOnTheSameProviderNeverTheSecondary() {
        Order order = consentedOrder();
        senderNumber(order.venueId(), "+1500999" + String.format("%04d", order.venueId() % 10000), PLIVO_ID);
        // Twilio takes the first request but answers after the response timeout (1 s), then answers in time
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created("SMlate").withFixedDelay(1500)).willSetStateTo("fast"));
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(created("SMretried")));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("twilio");
        assertThat(historyOf(order).get("ProviderMessageID")).isEqualTo("SMretried");
        assertThat(plivoSentTo(order.phone())).isEmpty();
        assertThat(smsSentTo(order.phone())).hasSize(2);
        assertThat(pinnedTo(order)).isEqualTo(1);
    }

    @Test
    void pinnedEventWaitsForItsProviderEvenWhileItsBreakerIsOpen() {
        Order order = consentedOrder();
        senderNumber(order.venueId(), "+1500444" + String.format("%04d", order.venueId() % 10000), PLIVO_ID);
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(created("SMlate").withFixedDelay(1500)));

        publish(enrichedEvent(order));

        // the first try timed out after the request left: the event is pinned to Twilio
        eventually().until(() -> pinnedTo(order) == 1);
        breaker("twilio").transitionToForcedOpenState(); // Twilio now looks down: failover would be tempting
        eventually().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> plivoSentTo(order.phone()).isEmpty() && historyOf(order) == null);

        TWILIO.stubFor(messagesTo(order.phone()).atPriority(0).willReturn(created("SMfinally")));
        breaker("twilio").transitionToCloseState();

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("twilio");
        assertThat(historyOf(order).get("ProviderMessageID")).isEqualTo("SMfinally");
        assertThat(plivoSentTo(order.phone())).isEmpty();
        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
    }

    @Test
    void withoutANumberOnAnotherProviderAnOutageIsRetriedNotFailedOver() {
        Order order = consentedOrder(); // Twilio number only; provision-on-failover is off by default
        breaker("twilio").transitionToForcedOpenState();

        publish(enrichedEvent(order));

        eventually().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> historyOf(order) == null && PLIVO.getAllServeEvents().isEmpty());
        breaker("twilio").transitionToCloseState();
        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderName")).isEqualTo("twilio");
    }

    private int pinnedTo(Order order) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'provider-pins'"
                + " AND messageId = ?", Integer.class, "SendOrderConfirmationSms:" + order.orderId() + "|twilio");
    }

    private Integer numberId(Order order, int providerNameId) {
        return jdbc.queryForObject("SELECT ID FROM VenuePhoneNumbers WHERE VenueID = ? AND ProviderNameID = ? AND StatusID = 1",
                Integer.class, order.venueId(), providerNameId);
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
