package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** Duplicates, thin events, provisioning races, the circuit breaker, templates and message types. */
class OrderConfirmationBehaviourTest extends FlowTestSupport {

    @Test
    void duplicateEventSendsOneSms() {
        Order order = consentedOrder();

        publish(enrichedEvent(order));
        publish(enrichedEvent(order));
        publish(thinEvent(order)); // same order, other shape: same idempotency key

        eventually().until(() -> historyOf(order) != null);
        eventually().during(java.time.Duration.ofSeconds(1)).until(() -> smsSentTo(order.phone()).size() == 1);
        assertThat(historyRows(order)).isEqualTo(1);
    }

    @Test
    void thinEventIsEnrichedFromTheOrderTables() {
        Order order = consentedOrder();

        publish(thinEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(order).get("VenueID")).isEqualTo(order.venueId());
        String form = URLDecoder.decode(smsSentTo(order.phone()).get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("Body=Hi Grace, your order T-" + order.venueId() + " for Test Gig on Thu 24 Dec 2026, 8:00 PM"
                + " is confirmed: 2 ticket(s), 42.50 USD. Venue " + order.venueId() + ".");
    }

    @Test
    void twoEventsForANewVenueAtOnceEndWithExactlyOneNumber() {
        Order first = order("confirmed", false);
        consent(first, "opted_in");
        Order second = order(first.venueId(), "+14155550199", "confirmed", false);
        consent(second, "opted_in");
        TWILIO.stubFor(get(urlPathMatching("/2010-04-01/Accounts/.*/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(okJson("""
                        {"available_phone_numbers": [{"phone_number": "+14155550300", "friendly_name": "x", "iso_country": "US"}],
                         "uri": "/x", "first_page_uri": "/x", "next_page_uri": null, "page": 0, "page_size": 1}""")));
        TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/IncomingPhoneNumbers.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withFixedDelay(300) // both instances are mid-purchase at the same time
                        .withBody("""
                                {"sid": "PN%s", "phone_number": "+14155550300"}""".formatted(hex()))));
        TWILIO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                urlPathMatching("/2010-04-01/Accounts/.*/IncomingPhoneNumbers/.*")).willReturn(aResponse().withStatus(204)));

        publish(enrichedEvent(first));
        publish(enrichedEvent(second));

        eventually().until(() -> historyOf(first) != null && historyOf(second) != null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM VenuePhoneNumbers WHERE VenueID = ? AND StatusID = 1",
                Integer.class, first.venueId())).isEqualTo(1);
        assertThat(historyOf(first).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(second).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(first).get("VenuePhoneNumberID")).isEqualTo(historyOf(second).get("VenuePhoneNumberID"));
        int bought = TWILIO.findAll(postRequestedFor(urlPathMatching(".*/IncomingPhoneNumbers.json"))).size();
        int released = TWILIO.findAll(deleteRequestedFor(urlPathMatching(".*/IncomingPhoneNumbers/.*"))).size();
        assertThat(bought - released).isEqualTo(1); // a number bought for nothing is given back
    }

    @Test
    void breakerOpensOnRepeated5xxAndTheEventIsSentLaterNotLost() {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(twilioError(503, 20500)).willSetStateTo("still down"));
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(twilioError(500, 20500)).willSetStateTo("recovered"));
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(twilioError(502, 20500)).willSetStateTo("up"));
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("outage").whenScenarioStateIs("up")
                .willReturn(twilioError(503, 20500)).willSetStateTo("really up"));
        TWILIO.stubFor(messagesTo(order.phone()).inScenario("outage").whenScenarioStateIs("really up")
                .willReturn(created("SMrecovered")));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        assertThat(historyOf(order).get("ProviderMessageID")).isEqualTo("SMrecovered");
        // four failures opened the breaker (minimum-number-of-calls=4 here); the event waited, was retried, got through
        assertThat(smsSentTo(order.phone())).hasSize(5);
        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
    }

    @Test
    void messageAboveTheSegmentLimitIsRefused() {
        Order order = order(7777, "+14155550177", "confirmed", true); // venue 7777 has a very long template
        consent(order, "opted_in");

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("failed");
        assertThat(historyOf(order).get("ErrorCode")).isEqualTo("too_many_segments");
        assertThat(historyOf(order).get("SegmentCount")).isEqualTo(5);
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void anotherMessageTypeReusesTheSameRoutes() {
        Order order = consentedOrder();

        jms.convertAndSend("SendEventReminderSms", enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("MessageType")).isEqualTo("SendEventReminderSms");
        assertThat(historyOf(order).get("StatusName")).isEqualTo("sent");
        String form = URLDecoder.decode(smsSentTo(order.phone()).get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("Body=Reminder: Night Owls Live at Venue " + order.venueId());
    }
}
