package com.tixtrack.sms.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.phone.PhoneNumbers;
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
    private final ObjectMapper json;
    private final AtomicLong depth = new AtomicLong();
    private volatile long depthReadAt;

    public JmsDeadLetters(ConnectionFactory connectionFactory, MessageTypeProperties messageTypes, ObjectMapper json,
                          MeterRegistry meters) {
        this.browser = new JmsTemplate(connectionFactory);
        this.receiver = new JmsTemplate(connectionFactory);
        this.receiver.setReceiveTimeout(1000);
        this.queues = messageTypes.getMessageTypes().keySet().stream().map(type -> "DLQ." + type).toList();
        this.json = json;
        Gauge.builder("sms.dead_letter.depth", this, JmsDeadLetters::depth)
                .description("events waiting in the dead-letter queues").register(meters);
    }

    /** Dead letters matching the filters (null = any), oldest first, one page; full payload included. */
    public Map<String, Object> list(Integer page, Integer size, String reason, Integer venueId, String messageId) {
        int pageNumber = page == null || page < 0 ? 0 : page;
        int pageSize = size == null || size < 1 ? 50 : Math.min(size, 500);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> letter : browseAll()) {
            if ((reason == null || reason.equals(letter.get("reason")))
                    && (venueId == null || venueId.equals(letter.get("venueId")))
                    && (messageId == null || messageId.equals(letter.get("messageId")))) {
                matching.add(letter);
            }
        }
        int from = Math.min(pageNumber * pageSize, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", new ArrayList<>(matching.subList(from, to)));
        result.put("page", pageNumber);
        result.put("size", pageSize);
        result.put("total", matching.size());
        return result;
    }

    /** The same page without payloads, for the admin listing (masked phone, no message bodies). */
    public Map<String, Object> summaries(Integer page, Integer size, String reason, Integer venueId) {
        Map<String, Object> result = list(page, size, reason, venueId, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("items");
        items.forEach(item -> item.remove("payload"));
        return result;
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
        String payload = message instanceof TextMessage text ? text.getText() : null;
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("messageId", message.getJMSMessageID());
        letter.put("messageType", queue.substring("DLQ.".length()));
        // a letter without our reason was moved by the broker itself (safety net: max deliveries exceeded)
        letter.put("reason", orDefault(message.getStringProperty("deadLetterReason"), "max_deliveries_exceeded"));
        letter.put("description", message.getStringProperty("deadLetterDescription"));
        letter.put("deliveryCount", message.propertyExists("deliveryCount")
                ? Integer.valueOf(message.getStringProperty("deliveryCount"))
                : message.getIntProperty("JMSXDeliveryCount"));
        letter.put("firstSeenAt", message.getStringProperty("firstSeenAt"));
        letter.put("enqueuedAt", Instant.ofEpochMilli(message.getJMSTimestamp()).toString());
        letter.put("correlationId", message.getStringProperty("correlationId"));
        readPayload(payload, letter);
        letter.put("payload", payload);
        return letter;
    }

    private void readPayload(String payload, Map<String, Object> letter) {
        letter.put("orderId", null);
        letter.put("venueId", null);
        letter.put("phone", null);
        if (payload == null) {
            return;
        }
        try {
            JsonNode event = json.readTree(payload);
            event.fields().forEachRemaining(field -> {
                String name = field.getKey().toLowerCase();
                JsonNode value = field.getValue();
                switch (name) {
                    case "orderid" -> letter.put("orderId", value.asText());
                    case "venueid" -> letter.put("venueId", value.canConvertToInt() ? value.asInt() : null);
                    case "phonenumber" -> letter.put("phone", PhoneNumbers.mask(value.asText()));
                    default -> { }
                }
            });
        } catch (Exception unreadable) {
            // an unparseable payload is exactly what some dead letters are; list it without those fields
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
