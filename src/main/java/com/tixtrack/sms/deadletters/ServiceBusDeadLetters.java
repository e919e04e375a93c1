package com.tixtrack.sms.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.templates.MessageTypeProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The production dead-letter store: each message type's topic subscription's DEAD_LETTER_QUEUE sub-queue, the
 * same operations as {@link JmsDeadLetters} (the admin routes do not know which one they use). Listing peeks
 * (nothing is locked or removed); removing receives in PEEK_LOCK, completes the one message asked for and
 * abandons the others. Message types map to topics of the same name, as Terraform and compose create them.
 */
@Component("deadLetters")
@Profile("azure")
public class ServiceBusDeadLetters {

    private static final int PEEK_LIMIT = 10_000;

    private final Map<String, ServiceBusReceiverClient> receivers = new LinkedHashMap<>();
    private final DeadLetterDescriptions descriptions;
    private final AtomicLong depth = new AtomicLong();
    private volatile long depthReadAt;

    public ServiceBusDeadLetters(MessageTypeProperties messageTypes, ObjectMapper json, MeterRegistry meters,
                                 @Value("${sms.servicebus.credential-type}") String credentialType,
                                 @Value("${sms.servicebus.connection-string:}") String connectionString,
                                 @Value("${sms.servicebus.namespace:}") String namespace,
                                 @Value("${sms.servicebus.subscription}") String subscription) {
        this.descriptions = new DeadLetterDescriptions(json);
        for (String type : messageTypes.getMessageTypes().keySet()) {
            ServiceBusClientBuilder builder = new ServiceBusClientBuilder();
            if ("CONNECTION_STRING".equals(credentialType)) {
                builder.connectionString(connectionString);
            } else {
                builder.credential(namespace, new DefaultAzureCredentialBuilder().build());
            }
            receivers.put(type, builder.receiver()
                    .topicName(type)
                    .subscriptionName(subscription)
                    .subQueue(SubQueue.DEAD_LETTER_QUEUE)
                    .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
                    .disableAutoComplete()
                    .buildClient());
        }
        Gauge.builder("sms.dead_letter.depth", this, ServiceBusDeadLetters::depth)
                .description("events waiting in the dead-letter queues").register(meters);
    }

    public Map<String, Object> list(Integer page, Integer size, String reason, Integer venueId, String messageId) {
        return descriptions.page(peekAll(), page, size, reason, venueId, messageId);
    }

    public Map<String, Object> summaries(Integer page, Integer size, String reason, Integer venueId) {
        return descriptions.withoutPayloads(list(page, size, reason, venueId, null));
    }

    public boolean remove(String messageId) {
        for (ServiceBusReceiverClient receiver : receivers.values()) {
            for (ServiceBusReceivedMessage message : receiver.receiveMessages(100, Duration.ofSeconds(2))) {
                if (messageId.equals(message.getMessageId())) {
                    receiver.complete(message);
                    depthReadAt = 0;
                    return true;
                }
                receiver.abandon(message);
            }
        }
        return false;
    }

    public long depth() {
        if (System.currentTimeMillis() - depthReadAt > 10_000) {
            depth.set(peekAll().size());
            depthReadAt = System.currentTimeMillis();
        }
        return depth.get();
    }

    private List<Map<String, Object>> peekAll() {
        List<Map<String, Object>> all = new ArrayList<>();
        receivers.forEach((type, receiver) -> {
            long from = 0;
            while (all.size() < PEEK_LIMIT) {
                List<ServiceBusReceivedMessage> batch = new ArrayList<>();
                receiver.peekMessages(100, from).forEach(batch::add);
                if (batch.isEmpty()) {
                    break;
                }
                for (ServiceBusReceivedMessage message : batch) {
                    all.add(describe(type, message));
                    from = message.getSequenceNumber() + 1;
                }
            }
        });
        return all;
    }

    private Map<String, Object> describe(String type, ServiceBusReceivedMessage message) {
        Map<String, Object> props = message.getApplicationProperties();
        // the consumer stores the error as "<exception class>: <reason>: <description>"
        String error = message.getDeadLetterReason();
        String reason = "max_deliveries_exceeded";
        String description = message.getDeadLetterErrorDescription();
        if (error != null && error.contains(DeadLetterException.class.getName() + ": ")) {
            String rest = error.substring(error.indexOf(DeadLetterException.class.getName() + ": ")
                    + DeadLetterException.class.getName().length() + 2);
            int colon = rest.indexOf(": ");
            reason = colon < 0 ? rest : rest.substring(0, colon);
            description = colon < 0 ? null : rest.substring(colon + 2);
        } else if (error != null) {
            reason = error;
        }
        return descriptions.describe(message.getMessageId(), type, reason, description, (int) message.getDeliveryCount(),
                str(props.get("firstSeenAt")), message.getEnqueuedTime() == null ? null : message.getEnqueuedTime().toString(),
                message.getCorrelationId(), message.getBody() == null ? null : message.getBody().toString());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @PreDestroy
    void close() {
        receivers.values().forEach(ServiceBusReceiverClient::close);
    }
}
