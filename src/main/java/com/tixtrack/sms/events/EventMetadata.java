package com.tixtrack.sms.events;

import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Transport-neutral facts about the message being consumed: its correlation id (Service Bus correlationId or
 * messageId, JMS correlation id or message id) and how many times it has been delivered. Sets exchange
 * properties {@code correlationId}, {@code deliveryCount} and {@code firstSeenAt}, and the MDC key
 * {@code correlationId} so every log line of the event carries it. The flow runs on the consumer's thread (retries
 * wait on it too), so the key is set here and removed when the event's exchange completes; Camel's own MDC
 * logging, which re-copies the MDC around every step, stays off (application.yaml).
 */
@Component("eventMetadata")
public class EventMetadata {

    public void apply(Exchange exchange) {
        var in = exchange.getMessage();
        String correlationId = firstNonBlank(
                in.getHeader("CamelAzureServiceBusCorrelationId", String.class),
                in.getHeader("JMSCorrelationID", String.class),
                in.getHeader("CamelAzureServiceBusMessageId", String.class),
                in.getHeader("JMSMessageID", String.class),
                in.getHeader("correlationId", String.class),
                UUID.randomUUID().toString());
        // Service Bus reports how often the message was delivered before this one (0 the first time); JMS counts this one
        Integer serviceBusCount = in.getHeader("CamelAzureServiceBusDeliveryCount", Integer.class);
        Integer deliveryCount = firstNonNull(
                serviceBusCount == null ? null : serviceBusCount + 1,
                in.getHeader("JMSXDeliveryCount", Integer.class),
                1);
        // the first delivery's time travels with a dead-lettered event; a replayed event keeps its original one
        String firstSeenAt = firstNonBlank(in.getHeader("firstSeenAt", String.class), Instant.now().toString());
        exchange.setProperty("correlationId", correlationId);
        exchange.setProperty("deliveryCount", deliveryCount);
        exchange.setProperty("firstSeenAt", firstSeenAt);
        MDC.put("correlationId", correlationId);
        exchange.getExchangeExtension().addOnCompletion(CLEAR_MDC);
    }

    private static final SynchronizationAdapter CLEAR_MDC = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            MDC.remove("correlationId");
        }
    };

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
