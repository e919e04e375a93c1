package com.tixtrack.sms.templates;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Renders a message type's template (or the venue's own version of it) with the event's values and says what
 * it costs: encoding and segment count. Routes call {@code render}; the admin preview calls {@code preview}.
 */
@Component("messageTemplates")
public class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** placeholder name -> key in the event map built by OrderEvents */
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "CustomerName", "customerName", "OrderNumber", "orderNumber", "EventName", "eventName",
            "EventDate", "eventDate", "TicketCount", "ticketCount", "OrderTotal", "orderTotal",
            "VenueName", "venueName", "Currency", "currency");

    private final MessageTypeProperties properties;

    public MessageTemplates(MessageTypeProperties properties) {
        this.properties = properties;
    }

    /** The message for an event (a map from OrderEvents), using the venue's template when it has one. */
    public Map<String, Object> render(String messageType, Map<String, Object> values) {
        Object venueId = values.get("venueId");
        return measure(fill(templateFor(messageType, venueId == null ? null : venueId.toString()), values));
    }

    /** Preview for template authors: a raw text, or a message type (+ venue) rendered with sample values. */
    public Map<String, Object> preview(String messageType, String venueId, String text, Map<String, Object> sampleValues) {
        if (text != null && !text.isBlank()) {
            return measure(text);
        }
        if (messageType == null || messageType.isBlank()) {
            throw new IllegalArgumentException("give either a text or a messageType");
        }
        Map<String, Object> values = new java.util.HashMap<>();
        if (sampleValues != null) {
            sampleValues.forEach((placeholder, value) ->
                    values.put(PLACEHOLDERS.getOrDefault(placeholder, placeholder), value));
        }
        return measure(fill(templateFor(messageType, venueId), values));
    }

    /** The event name for an event name or its alias (order-confirmation -> SendOrderConfirmationSms). */
    public String messageTypeOf(String nameOrAlias) {
        return properties.getMessageTypes().entrySet().stream()
                .filter(e -> e.getKey().equals(nameOrAlias) || nameOrAlias != null && nameOrAlias.equals(e.getValue().getAlias()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown message type " + nameOrAlias
                        + "; known: " + properties.getMessageTypes().keySet()));
    }

    String templateFor(String messageType, String venueId) {
        MessageTypeProperties.MessageType type = properties.getMessageTypes().get(messageType);
        if (type == null || type.getTemplate() == null) {
            throw new IllegalArgumentException("no template for message type " + messageType
                    + "; known: " + properties.getMessageTypes().keySet());
        }
        if (venueId != null && type.getVenueTemplates().containsKey(venueId)) {
            return type.getVenueTemplates().get(venueId);
        }
        return type.getTemplate();
    }

    /** text, encoding (GSM_7 / UCS_2), segments, maxSegments, multiSegment, overLimit: read in routes by key. */
    private Map<String, Object> measure(String text) {
        SmsSegments.Count count = SmsSegments.count(text);
        int max = properties.getTemplates().getMaxSegments();
        Map<String, Object> rendered = new java.util.LinkedHashMap<>();
        rendered.put("text", text);
        rendered.put("encoding", count.encoding().name());
        rendered.put("segments", count.segments());
        rendered.put("maxSegments", max);
        rendered.put("multiSegment", count.segments() > 1);
        rendered.put("overLimit", count.segments() > max);
        return rendered;
    }

    private static String fill(String template, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = PLACEHOLDERS.get(m.group(1));
            Object value = key == null ? null : values.get(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").trim();
    }
}
