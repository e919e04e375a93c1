package com.tixtrack.sms.deadletters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.phone.PhoneNumbers;

/**
 * What the admin routes see of a dead letter, whichever queue holds it: id, message type, reason, description,
 * delivery count, first-seen and enqueued times, correlation id, order id, venue id, masked phone, and the
 * payload (for replays only; {@link #withoutPayloads} strips it from listings). Also the filtering and paging.
 */
class DeadLetterDescriptions {

    private final ObjectMapper json;

    DeadLetterDescriptions(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> describe(String messageId, String messageType, String reason, String description,
                                 Integer deliveryCount, String firstSeenAt, String enqueuedAt, String correlationId,
                                 String payload) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("messageId", messageId);
        letter.put("messageType", messageType);
        letter.put("reason", reason == null || reason.isBlank() ? "max_deliveries_exceeded" : reason);
        letter.put("description", description);
        letter.put("deliveryCount", deliveryCount);
        letter.put("firstSeenAt", firstSeenAt);
        letter.put("enqueuedAt", enqueuedAt);
        letter.put("correlationId", correlationId);
        letter.put("orderId", null);
        letter.put("venueId", null);
        letter.put("phone", null);
        readPayload(payload, letter);
        letter.put("payload", payload);
        return letter;
    }

    Map<String, Object> page(List<Map<String, Object>> letters, Integer page, Integer size, String reason,
                             Integer venueId, String messageId) {
        int pageNumber = page == null || page < 0 ? 0 : page;
        int pageSize = size == null || size < 1 ? 50 : Math.min(size, 500);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> letter : letters) {
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

    Map<String, Object> withoutPayloads(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        items.forEach(item -> item.remove("payload"));
        return page;
    }

    private void readPayload(String payload, Map<String, Object> letter) {
        if (payload == null) {
            return;
        }
        try {
            JsonNode event = json.readTree(payload);
            event.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                switch (field.getKey().toLowerCase()) {
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
}
