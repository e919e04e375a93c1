package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Send intents (one per send) are purged once their event has its outcome row and they are older than
 * sms.pins.purge-after; the pin of an event without an outcome (dead-lettered, awaiting a replay) stays.
 */
class PinPurgeTest extends FlowTestSupport {

    @Test
    void settledPinsArePurgedInBatchesAndOthersStay() throws Exception {
        List<Order> settled = List.of(consentedOrder(), consentedOrder(), consentedOrder());
        Order recent = consentedOrder();
        Stream.concat(settled.stream(), Stream.of(recent)).forEach(order -> publish(enrichedEvent(order)));
        eventually().until(() -> Stream.concat(settled.stream(), Stream.of(recent)).allMatch(order -> historyOf(order) != null));
        for (Order order : settled) {
            assertThat(pins(order)).as("the send left its pin").isEqualTo(1);
            jdbc.update("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = DATEADD(hour, -2, CURRENT_TIMESTAMP)"
                    + " WHERE processorName = 'provider-pins' AND messageId = ?", pinKey(order));
        }
        // a dead-lettered event's pin: no outcome row, so its replay must still find it and ask the provider first
        String openPin = "SendOrderConfirmationSms:" + UUID.randomUUID() + "|twilio";
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                + " VALUES ('provider-pins', ?, DATEADD(hour, -2, CURRENT_TIMESTAMP))", openPin);

        // three settled pins with batches of two (FlowTestSupport): the loop must run a second batch
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            template.sendBody("direct:purge-settled-pins", null);
        }

        for (Order order : settled) {
            assertThat(pins(order)).as("settled pin of order %s", order.orderId()).isZero();
        }
        assertThat(pins(recent)).as("a pin younger than sms.pins.purge-after").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?",
                Integer.class, openPin)).as("the pin of an event without an outcome").isEqualTo(1);
    }

    private int pins(Order order) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'provider-pins'"
                + " AND messageId = ?", Integer.class, pinKey(order));
    }

    private static String pinKey(Order order) {
        return "SendOrderConfirmationSms:" + order.orderId() + "|twilio";
    }
}
