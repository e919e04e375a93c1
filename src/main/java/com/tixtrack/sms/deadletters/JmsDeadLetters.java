package com.tixtrack.sms.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.springframework.context.annotation.Profile;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.templates.MessageTypeProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The local dead-letter queues (DLQ.&lt;message type&gt; on the embedded Artemis broker): browse without removing,
 * and remove one message by id. The replay logic itself is the dead-letter-replay route. Also publishes the
 * {@code sms.dead_letter.depth} gauge (the architecture's alert: depth &gt; 0).
 */
@Component("deadLetters")
@Profile("!azure")
public class JmsDeadLetters {

    /** browsing is capped: an operator pages through the first this-many dead letters */
    private static final int BROWSE_LIMIT = 10_000;

    private final JmsTemplate browser;
    private final JmsTemplate receiver;
    private final List<String> queues;
    private final DeadLetterDescriptions descriptions;
    private final AtomicLong depth = new AtomicLong();
    private volatile long depthReadAt;

    public JmsDeadLetters(ConnectionFactory connectionFactory, MessageTypeProperties messageTypes, ObjectMapper json,
                          MeterRegistry meters) {
        this.browser = new JmsTemplate(connectionFactory);
        this.receiver = new JmsTemplate(connectionFactory);
        this.receiver.setReceiveTimeout(1000);
        this.queues = messageTypes.getMessageTypes().keySet().stream().map(type -> "DLQ." + type).toList();
        this.descriptions = new DeadLetterDescriptions(json);
        Gauge.builder("sms.dead_letter.depth", this, JmsDeadLetters::depth)
                .description("events waiting in the dead-letter queues").register(meters);
    }

    /** Dead letters matching the filters (null = any), oldest first, one page; full payload included. */
    public Map<String, Object> list(Integer page, Integer size, String reason, Integer venueId, String messageId) {
        return descriptions.page(browseAll(), page, size, reason, venueId, messageId);
    }

    /** The same page without payloads, for the admin listing (masked phone, no message bodies). */
    public Map<String, Object> summaries(Integer page, Integer size, String reason, Integer venueId) {
        return descriptions.withoutPayloads(list(page, size, reason, venueId, null));
    }

    /** Removes one dead letter; false when it is not there (already replayed or discarded). */
    public boolean remove(String messageId) {
        String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
        for (String queue : queues) {
            if (receiver.receiveSelected(queue, selector) != null) {
                depthReadAt = 0;
                return true;
            }
        }
        return false;
    }

    /** Dead letters waiting, re-counted at most every 10 seconds (scrapes and alerts read it often). */
    public long depth() {
        if (System.currentTimeMillis() - depthReadAt > 10_000) {
            depth.set(browseAll().size());
            depthReadAt = System.currentTimeMillis();
        }
        return depth.get();
    }

    private List<Map<String, Object>> browseAll() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String queue : queues) {
            List<Map<String, Object>> letters = browser.browse(queue, (session, qb) -> {
                List<Map<String, Object>> found = new ArrayList<>();
                Enumeration<?> messages = qb.getEnumeration();
                while (messages.hasMoreElements() && found.size() < BROWSE_LIMIT) {
                    found.add(describe((Message) messages.nextElement(), queue));
                }
                return found;
            });
            if (letters != null) {
                all.addAll(letters);
            }
        }
        return all;
    }

    private Map<String, Object> describe(Message message, String queue) throws JMSException {
        // a letter without our reason was moved by the broker itself (safety net: max deliveries exceeded)
        return descriptions.describe(message.getJMSMessageID(), queue.substring("DLQ.".length()),
                message.getStringProperty("deadLetterReason"), message.getStringProperty("deadLetterDescription"),
                message.propertyExists("deliveryCount") ? Integer.valueOf(message.getStringProperty("deliveryCount"))
                        : message.getIntProperty("JMSXDeliveryCount"),
                message.getStringProperty("firstSeenAt"), Instant.ofEpochMilli(message.getJMSTimestamp()).toString(),
                message.getStringProperty("correlationId"),
                message instanceof TextMessage text ? text.getText() : null);
    }
}
