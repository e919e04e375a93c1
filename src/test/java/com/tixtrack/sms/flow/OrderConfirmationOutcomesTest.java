package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** One test per row of the outcome table (README), end to end through broker, routes, H2 and WireMock Twilio. */
class OrderConfirmationOutcomesTest extends FlowTestSupport {

    @Test
    void acceptedByTheProviderIsSentAndRecorded() {
        Order order = consentedOrder();

        publish(enrichedEvent(order), "corr-accepted-1");

        eventually().until(() -> historyOf(order) != null);
        Map<String, Object> row = historyOf(order);
        assertThat(row.get("StatusName")).isEqualTo("sent");
        assertThat(row.get("ProviderName")).isEqualTo("twilio");
        assertThat(row.get("ProviderMessageID").toString()).startsWith("SM");
        assertThat(row.get("CorrelationID")).isEqualTo("corr-accepted-1");
        assertThat(row.get("SegmentCount")).isEqualTo(1);
        assertThat(row.get("CustomerPhoneNumber")).isEqualTo(order.phone());

        LoggedRequest sent = smsSentTo(order.phone()).get(0);
        String form = URLDecoder.decode(sent.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("From=" + senderOf(order))
                .contains("Body=Hi Ada, your order T-" + order.venueId() + " for Night Owls Live")
                .contains("StatusCallback=http://localhost:");
        assertThat(form).contains("/webhook/twilio/status");
        assertThat(sent.getHeader("Authorization")).startsWith("Basic ");
        assertThat(row.get("Message").toString()).isEqualTo(form.replaceAll("(?s).*Body=(.*?)(&|$).*", "$1"));
    }

    @Test
    void cancelledOrderIsSkippedWithoutCallingTheProvider() {
        Order order = order("cancelled", true);
        consent(order, "opted_in");

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("skipped_order_invalid");
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void unknownOrderIsSkipped() {
        Order known = consentedOrder();
        Order unknown = new Order(java.util.UUID.randomUUID(), known.customerId(), known.venueId(), known.phone());

        publish(enrichedEvent(unknown));

        eventually().until(() -> historyOf(unknown) != null);
        assertThat(historyOf(unknown).get("StatusName")).isEqualTo("skipped_order_invalid");
        assertThat(smsSentTo(known.phone())).isEmpty();
    }

    @Test
    void noConsentRecordIsSkipped() {
        Order order = order("confirmed", true);

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("skipped_no_consent");
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void optedOutConsentIsBlocked() {
        Order order = order("confirmed", true);
        consent(order, "opted_out");

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("blocked_opted_out");
        assertThat(smsSentTo(order.phone())).isEmpty();
        assertThat(consentOf(order)).isEqualTo("opted_out");
    }

    @Test
    void providerSaysRecipientOptedOutSoConsentIsWithdrawn() {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(400, 21610)));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("blocked_opted_out");
        assertThat(historyOf(order).get("ErrorCode")).isEqualTo("21610");
        assertThat(consentOf(order)).isEqualTo("opted_out");
        assertThat(smsSentTo(order.phone())).hasSize(1);
    }

    @Test
    void invalidNumberFailsWithTheProviderCode() {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(400, 21211)));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("failed");
        assertThat(historyOf(order).get("ErrorCode")).isEqualTo("21211");
        assertThat(smsSentTo(order.phone())).hasSize(1); // permanent: not retried
        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
    }

    @Test
    void nonMobileNumberFailsWithTheProviderCode() {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(400, 21614)));

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("failed");
        assertThat(historyOf(order).get("ErrorCode")).isEqualTo("21614");
        assertThat(smsSentTo(order.phone())).hasSize(1);
    }

    @Test
    void unparseablePayloadIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String marker = "not-json-" + hex();
        String correlationId = "corr-" + hex();

        publish("{this is " + marker, correlationId);

        eventually().until(() -> !deadLettersContaining(marker).isEmpty());
        Message dead = deadLettersContaining(marker).get(0);
        assertThat(dead.getStringProperty("deadLetterReason")).isEqualTo("invalid_event");
        assertThat(dead.getStringProperty("deadLetterDescription")).contains("not valid JSON");
        assertThat(dead.getStringProperty("deliveryCount")).isEqualTo("1");
        assertThat(dead.getStringProperty("firstSeenAt")).isNotBlank();
        // read before the flow drops the broker's headers, and carried on by the dead letter itself
        assertThat(dead.getStringProperty("correlationId")).isEqualTo(correlationId);
        assertThat(deadLettersContaining(marker)).hasSize(1);
    }

    @Test
    void missingAndInvalidFieldsAreDeadLetteredWithWhatIsWrong() throws Exception {
        Order order = consentedOrder();
        String event = """
                {"OrderId": "%s", "PhoneNumber": "12", "VenueId": -3}""".formatted(order.orderId());

        publish(event);

        eventually().until(() -> !deadLettersContaining(order.orderId().toString()).isEmpty());
        String reason = deadLettersContaining(order.orderId().toString()).get(0).getStringProperty("deadLetterDescription");
        assertThat(reason).contains("CustomerId is required").contains("VenueId is not a positive whole number")
                .contains("PhoneNumber").doesNotContain("\"12\"");
        assertThat(historyOf(order)).isNull();
        assertThat(smsSentTo(order.phone())).isEmpty();
    }

    @Test
    void providerOutageIsRetriedThenDeadLetteredWithTheLastError() throws Exception {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(503, 20500)));

        publish(enrichedEvent(order));

        eventually().until(() -> !deadLettersContaining(order.orderId().toString()).isEmpty());
        Message dead = deadLettersContaining(order.orderId().toString()).get(0);
        assertThat(dead.getStringProperty("deadLetterReason")).isEqualTo("retries_exhausted");
        assertThat(dead.getStringProperty("deadLetterDescription")).contains("twilio");
        assertThat(dead.getStringProperty("deliveryCount")).isEqualTo("4"); // sms.events.max-deliveries in tests
        assertThat(historyOf(order)).isNull(); // no outcome until it ends
        // 4 deliveries x (1 try + 3 retries), fewer while the breaker is open; never a success
        assertThat(smsSentTo(order.phone())).hasSizeBetween(1, 16);
    }
}
