package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Route tests of the whole flow: embedded Artemis, H2, the real routes and the real adapters (Twilio SDK, Plivo
 * RestClient) against a WireMock Twilio and a WireMock Plivo. Tests publish events onto the broker as the order
 * system would and assert on what the providers received, the history row, the consent row and the dead-letter
 * queue. Every test makes its own venue, customer and order, so tests do not see each other's rows; both circuit
 * breakers start each test closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sms.events.retry-delay-ms=20",
        // WireMock never lists a message it answered too late for, so "not listed" can be trusted at once here
        "sms.providers.unclear-send-settle-seconds=0",
        "sms.events.redelivery-delay-ms=400",
        "sms.events.max-deliveries=4",
        // PinPurgeTest purges three pins: two batches
        "sms.pins.purge-batch-size=2",
        "camel.resilience4j.configurations.twilio.wait-duration-in-open-state=1",
        "camel.resilience4j.configurations.twilio.minimum-number-of-calls=4",
        "camel.resilience4j.configurations.twilio.sliding-window-size=4",
        "camel.resilience4j.configurations.plivo.wait-duration-in-open-state=1",
        "camel.resilience4j.configurations.plivo.minimum-number-of-calls=4",
        "camel.resilience4j.configurations.plivo.sliding-window-size=4",
        // a WireMock delay above this is "no answer after the request left" (ambiguous)
        "sms.providers.twilio.response-timeout-ms=1000",
        "sms.providers.plivo.response-timeout-ms=1000",
        "sms.message-types.SendOrderConfirmationSms.venue-templates.7777=Hi {CustomerName}, this venue writes far too much: "
                + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore "
                + "magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
                + "consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
                + "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum. "
                + "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem "
                + "aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo."
})
@ActiveProfiles("test")
abstract class FlowTestSupport {

    static final String EVENTS = "SendOrderConfirmationSms";
    static final String DEAD_LETTERS = "DLQ.SendOrderConfirmationSms";
    static final String MESSAGES = "/2010-04-01/Accounts/.*/Messages.json";
    static final String PLIVO_MESSAGES = "/v1/Account/[^/]+/Message/";
    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    static final WireMockServer PLIVO = new WireMockServer(options().dynamicPort());
    static final int TWILIO_ID = 1;
    static final int PLIVO_ID = 2;
    private static final AtomicInteger IDS = new AtomicInteger(5000);

    static {
        TWILIO.start();
        PLIVO.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("sms.providers.twilio.base-url", TWILIO::baseUrl);
        registry.add("sms.providers.plivo.base-url", PLIVO::baseUrl);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JmsTemplate jms;

    @Autowired
    CamelContext camel;

    @BeforeEach
    void providersAcceptMessages() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathMatching(MESSAGES)).atPriority(10).willReturn(created("SM" + hex())));
        PLIVO.resetAll();
        PLIVO.stubFor(post(urlPathMatching(PLIVO_MESSAGES)).atPriority(10).willReturn(plivoQueued(UUID.randomUUID().toString())));
        // asked after an unclear send, the providers list no such message
        TWILIO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching(MESSAGES)).atPriority(10)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"messages": [], "uri": "/m", "first_page_uri": "/m", "next_page_uri": null, "page": 0, "page_size": 50}""")));
        PLIVO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching(PLIVO_MESSAGES)).atPriority(10)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"api_id": "x", "meta": {"limit": 20, "offset": 0}, "objects": []}""")));
        breaker("twilio").transitionToCloseState();
        breaker("plivo").transitionToCloseState();
    }

    /** A provider adapter's circuit breaker (the circuitBreaker step {@code <provider>-breaker}). */
    ResilienceProcessor breaker(String provider) {
        return camel.getProcessor(provider + "-breaker", ResilienceProcessor.class);
    }

    // ---- the order system's side

    record Order(UUID orderId, UUID customerId, int venueId, String phone) {
    }

    /** A venue with a Twilio sender number, a customer who consented there, and a confirmed order. */
    Order consentedOrder() {
        Order order = order("confirmed", true);
        consent(order, "opted_in");
        return order;
    }

    /** A venue id no other test uses. */
    int newVenueId() {
        return IDS.incrementAndGet();
    }

    Order order(String status, boolean venueHasNumber) {
        int venueId = newVenueId();
        String phone = "+1415555" + String.format("%04d", venueId % 10000);
        return order(venueId, phone, status, venueHasNumber);
    }

    Order order(int venueId, String phone, String status, boolean venueHasNumber) {
        UUID customerId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM Venues WHERE ID = ?", Integer.class, venueId) == 0) {
            jdbc.update("INSERT INTO Venues (ID, Name, CountryCode, TimeZone) VALUES (?, ?, 'US', 'UTC')", venueId, "Venue " + venueId);
        }
        jdbc.update("INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber) VALUES (?, 'Grace', 'Hopper', ?)", customerId, phone);
        jdbc.update("INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency,"
                + " TicketCount, Status) VALUES (?, ?, ?, ?, 'Test Gig', '2026-12-24 20:00:00', 42.50, 'USD', 2, ?)",
                orderId, "T-" + venueId, venueId, customerId, status);
        if (venueHasNumber) {
            senderNumber(venueId, "+1500555" + String.format("%04d", venueId % 10000));
        }
        return new Order(orderId, customerId, venueId, phone);
    }

    void senderNumber(int venueId, String number) {
        senderNumber(venueId, number, TWILIO_ID);
    }

    /** An active sender number of the venue on a provider (1 twilio, 2 plivo); returns its VenuePhoneNumbers ID. */
    int senderNumber(int venueId, String number, int providerNameId) {
        jdbc.update("INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)"
                + " VALUES (?, ?, ?, ?, 1, CURRENT_TIMESTAMP)", venueId, number, "PN" + hex(), providerNameId);
        return jdbc.queryForObject("SELECT ID FROM VenuePhoneNumbers WHERE VenueID = ? AND ProviderNameID = ? AND StatusID = 1",
                Integer.class, venueId, providerNameId);
    }

    void consent(Order order, String status) {
        jdbc.update("INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt)"
                + " VALUES (?, ?, (SELECT ID FROM SmsConsentStatuses WHERE Name = ?), 1, CURRENT_TIMESTAMP)",
                order.venueId(), order.phone(), status);
    }

    String senderOf(Order order) {
        return jdbc.queryForObject("SELECT PhoneNumber FROM VenuePhoneNumbers WHERE VenueID = ? AND StatusID = 1",
                String.class, order.venueId());
    }

    String senderOf(Order order, int providerNameId) {
        return jdbc.queryForObject("SELECT PhoneNumber FROM VenuePhoneNumbers WHERE VenueID = ? AND ProviderNameID = ?"
                + " AND StatusID = 1", String.class, order.venueId(), providerNameId);
    }

    // ---- events

    String thinEvent(Order order) {
        return """
                {"OrderId": "%s", "CustomerId": "%s"}""".formatted(order.orderId(), order.customerId());
    }

    String enrichedEvent(Order order) {
        return """
                {"OrderId": "%s", "VenueId": %d, "CustomerId": "%s", "PhoneNumber": "%s", "CustomerName": "Ada",
                 "OrderTotal": 84.50, "TicketCount": 2, "EventTimestamp": "2026-11-23T10:00:00Z",
                 "EventName": "Night Owls Live", "EventDate": "Sat 12 Dec 2026, 8:00 PM"}"""
                .formatted(order.orderId(), order.venueId(), order.customerId(), order.phone());
    }

    void publish(String payload, String correlationId) {
        jms.convertAndSend(EVENTS, payload, message -> {
            message.setJMSCorrelationID(correlationId);
            return message;
        });
    }

    void publish(String payload) {
        publish(payload, "corr-" + UUID.randomUUID());
    }

    // ---- what happened

    ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    Map<String, Object> historyOf(Order order) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT h.*, s.Name AS StatusName, p.Name AS ProviderName"
                + " FROM SmsSendHistory h JOIN SmsSendHistoryStatuses s ON s.ID = h.StatusID"
                + " LEFT JOIN ProviderNames p ON p.ID = h.ProviderNameID WHERE h.OrderID = ?", order.orderId());
        return rows.isEmpty() ? null : rows.get(0);
    }

    int historyRows(Order order) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SmsSendHistory WHERE OrderID = ?", Integer.class, order.orderId());
    }

    String consentOf(Order order) {
        List<String> status = jdbc.queryForList("SELECT s.Name FROM SmsConsent c JOIN SmsConsentStatuses s"
                + " ON s.ID = c.StatusID WHERE c.VenueID = ? AND c.PhoneNumber = ?", String.class, order.venueId(), order.phone());
        return status.isEmpty() ? null : status.get(0);
    }

    List<LoggedRequest> smsSentTo(String phone) {
        return TWILIO.findAll(postRequestedFor(urlPathMatching(MESSAGES))
                .withRequestBody(containing("To=" + phone.replace("+", "%2B"))));
    }

    /** Message create requests Plivo received for this destination (Plivo writes numbers without the +). */
    List<LoggedRequest> plivoSentTo(String phone) {
        return PLIVO.findAll(postRequestedFor(urlPathMatching(PLIVO_MESSAGES))
                .withRequestBody(matchingJsonPath("$.dst", equalTo(phone.replace("+", "")))));
    }

    /** Dead letters on the local DLQ (browsed, not consumed). */
    List<Message> deadLetters() {
        List<Message> all = jms.browse(DEAD_LETTERS, (session, browser) -> {
            List<Message> messages = new ArrayList<>();
            var e = browser.getEnumeration();
            while (e.hasMoreElements()) {
                messages.add((Message) e.nextElement());
            }
            return messages;
        });
        return all == null ? Collections.emptyList() : all;
    }

    List<Message> deadLettersContaining(String text) {
        return deadLetters().stream().filter(m -> {
            try {
                return m instanceof TextMessage t && t.getText().contains(text);
            } catch (jakarta.jms.JMSException e) {
                return false;
            }
        }).toList();
    }

    // ---- Twilio answers

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "%s", "status": "queued", "account_sid": "ACtest0000000000000000000000000000",
                 "api_version": "2010-04-01", "num_segments": "1"}""".formatted(sid));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int httpStatus, int code) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "Twilio says no (%d)", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, code, code, httpStatus));
    }

    static MappingBuilder messagesTo(String phone) {
        return post(urlPathMatching(MESSAGES)).withRequestBody(containing("To=" + phone.replace("+", "%2B"))).atPriority(1);
    }

    // ---- Plivo answers

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder plivoQueued(String uuid) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("""
                {"api_id": "%s", "message": "message(s) queued", "message_uuid": ["%s"]}""".formatted(UUID.randomUUID(), uuid));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder plivoError(int httpStatus, String error) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json").withBody("""
                {"api_id": "%s", "error": "%s"}""".formatted(UUID.randomUUID(), error));
    }

    static MappingBuilder plivoMessagesTo(String phone) {
        return post(urlPathMatching(PLIVO_MESSAGES)).withRequestBody(matchingJsonPath("$.dst", equalTo(phone.replace("+", ""))))
                .atPriority(1);
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
