package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.tixtrack.sms.simulator.SimulatorProperties;

/**
 * A slow provider takes the message but answers after our response timeout. The event is pinned to it, and the
 * next try asks the provider first: it finds the message and records it as sent, so the customer gets one SMS.
 * The same check finishes an event whose try was cut short by a crash (its claim is there, its outcome is not).
 * Runs against the built-in simulators (the real adapters over HTTP), which record a message after their delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sms.providers.twilio.response-timeout-ms=500",
        "sms.providers.plivo.response-timeout-ms=500",
        "sms.events.retry-delay-ms=50",
        "sms.events.redelivery-delay-ms=300",
        "sms.events.max-deliveries=10",
        "sms.providers.unclear-send-settle-seconds=30",
        "sms.simulators.status-callbacks=false"})
@ActiveProfiles("test")
class UnclearSendTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JmsTemplate jms;

    @Autowired
    TestRestTemplate http;

    @Autowired
    SimulatorProperties simulators;

    @AfterEach
    void fastAgain() {
        simulators.setLatencyMs(0);
    }

    @Test
    void twilioTookItAfterAllSoItIsNotSentAgain() {
        String phone = "+14155550161";
        UUID order = order(9161, 1, "+15005559161", phone);
        simulators.setLatencyMs(1200); // longer than our 500 ms response timeout

        jms.convertAndSend("SendOrderConfirmationSms", event(order, 9161, phone));

        Map<String, Object> row = awaitHistory(order);
        assertThat(row.get("Status")).isEqualTo("sent");
        List<JsonNode> received = received("/simulator/twilio/messages", "0161");
        assertThat(received).hasSize(1);
        assertThat(row.get("ProviderMessageID")).isEqualTo(received.get(0).get("sid").asText());
    }

    @Test
    void plivoTookItAfterAllSoItIsNotSentAgain() {
        String phone = "+14155550162";
        UUID order = order(9162, 2, "+15005559162", phone);
        simulators.setLatencyMs(1200);

        jms.convertAndSend("SendOrderConfirmationSms", event(order, 9162, phone));

        Map<String, Object> row = awaitHistory(order);
        assertThat(row.get("Status")).isEqualTo("sent");
        assertThat(row.get("Provider")).isEqualTo("plivo");
        List<JsonNode> received = received("/simulator/plivo/messages", "0162");
        assertThat(received).hasSize(1);
        assertThat(row.get("ProviderMessageID")).isEqualTo(received.get(0).get("message_uuid").asText());
    }

    @Test
    void aClaimLeftByAnEarlierVersionDoesNotHoldTheEventBack() {
        String phone = "+14155550163";
        UUID order = order(9163, 1, "+15005559163", phone);
        // earlier versions claimed every event in CAMEL_MESSAGEPROCESSED before processing it, and a SIGKILL could
        // leave the claim without an outcome; an event counts as handled only once its outcome row exists
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                + " VALUES ('sms-events', ?, CURRENT_TIMESTAMP)", "SendOrderConfirmationSms:" + order);

        jms.convertAndSend("SendOrderConfirmationSms", event(order, 9163, phone));

        assertThat(awaitHistory(order).get("Status")).isEqualTo("sent");
        assertThat(received("/simulator/twilio/messages", "0163")).hasSize(1);
    }

    @Test
    void killedAfterSendingBeforeRecordingIsRecordedOnRedeliveryWithoutASecondSms() {
        String phone = "+14155550164";
        UUID order = order(9164, 1, "+15005559164", phone);
        String payload = event(order, 9164, phone);
        jms.convertAndSend("SendOrderConfirmationSms", payload);
        String sid = (String) awaitHistory(order).get("ProviderMessageID");
        // the state a SIGKILL leaves between the provider's answer and the outcome's row: claim and send intent
        // are in the database, the SMS went out, the history row is missing, and the broker redelivers the event
        jdbc.update("DELETE FROM SmsSendHistory WHERE OrderID = ?", order);

        jms.convertAndSend("SendOrderConfirmationSms", payload);

        Map<String, Object> row = awaitHistory(order);
        assertThat(row.get("Status")).isEqualTo("sent");
        assertThat(row.get("ProviderMessageID")).isEqualTo(sid);
        assertThat(received("/simulator/twilio/messages", "0164")).hasSize(1);
    }

    private Map<String, Object> awaitHistory(UUID order) {
        String query = "SELECT s.Name AS Status, p.Name AS Provider, h.ProviderMessageID FROM SmsSendHistory h"
                + " JOIN SmsSendHistoryStatuses s ON s.ID = h.StatusID LEFT JOIN ProviderNames p ON p.ID = h.ProviderNameID"
                + " WHERE h.OrderID = ?";
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(query, order).isEmpty());
        return jdbc.queryForList(query, order).get(0);
    }

    private List<JsonNode> received(String simulator, String lastDigits) {
        JsonNode recent = http.getForObject(simulator, JsonNode.class).get("recent");
        List<JsonNode> matching = new java.util.ArrayList<>();
        recent.forEach(m -> {
            if (m.get("to").asText().endsWith(lastDigits)) {
                matching.add(m);
            }
        });
        return matching;
    }

    private UUID order(int venueId, int providerNameId, String senderNumber, String phone) {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        jdbc.update("INSERT INTO Venues (ID, Name, CountryCode, TimeZone) VALUES (?, ?, 'US', 'UTC')", venueId, "Venue " + venueId);
        jdbc.update("INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber) VALUES (?, 'Kay', 'Slow', ?)", customer, phone);
        jdbc.update("INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency,"
                + " TicketCount, Status) VALUES (?, 'S-1', ?, ?, 'Slow Gig', '2026-12-24 20:00:00', 10, 'USD', 1, 'confirmed')",
                order, venueId, customer);
        jdbc.update("INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)"
                + " VALUES (?, ?, 'X" + venueId + "', ?, 1, CURRENT_TIMESTAMP)", venueId, senderNumber, providerNameId);
        jdbc.update("INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt)"
                + " VALUES (?, ?, 1, 1, CURRENT_TIMESTAMP)", venueId, phone);
        return order;
    }

    private static String event(UUID order, int venueId, String phone) {
        return """
                {"OrderId": "%s", "VenueId": %d, "CustomerId": "%s", "PhoneNumber": "%s", "CustomerName": "Kay"}"""
                .formatted(order, venueId, UUID.randomUUID(), phone);
    }
}
