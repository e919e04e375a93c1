package com.tixtrack.sms.events;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.phone.PhoneNumbers;
import com.tixtrack.sms.phone.PhoneNumbers.InvalidPhoneNumberException;

/**
 * Reads SMS events into one normalised map the routes work on. Both shapes are accepted: the enriched one
 * (OrderId, VenueId, CustomerId, PhoneNumber, CustomerName, OrderTotal, TicketCount, EventTimestamp, ...) and the
 * thin one (OrderId, CustomerId), whose gaps {@link #completeFromOrder} fills from the order system's tables.
 * Field names are matched case-insensitively, so PascalCase and camelCase publishers both work.
 */
@Component("orderEvents")
public class OrderEvents {

    /** Every key the routes and SQL read; all present (null when unknown) so SQL parameters always resolve. */
    static final List<String> KEYS = List.of("eventKey", "messageType", "orderId", "customerId", "venueId",
            "phoneNumber", "customerName", "orderNumber", "orderTotal", "currency", "ticketCount", "eventName",
            "eventDate", "venueName", "venueCountry", "eventTimestamp");

    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.ENGLISH);

    private final ObjectMapper json;
    private final PhoneNumbers phones;

    public OrderEvents(ObjectMapper json, PhoneNumbers phones) {
        this.json = json;
        this.phones = phones;
    }

    /** Parses and validates an event; {@link InvalidEventException} says exactly what is wrong. */
    public Map<String, Object> parse(String payload, String messageType) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("payload is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("payload is not a JSON object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                fields.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> event = new LinkedHashMap<>();
        KEYS.forEach(key -> event.put(key, null));
        event.put("messageType", messageType);

        UUID orderId = uuid(fields, "orderid", problems, true);
        UUID customerId = uuid(fields, "customerid", problems, true);
        event.put("orderId", orderId == null ? null : orderId.toString());
        event.put("customerId", customerId == null ? null : customerId.toString());
        event.put("venueId", positiveInt(fields, "venueid", problems));
        event.put("ticketCount", positiveInt(fields, "ticketcount", problems));
        event.put("orderTotal", decimal(fields, "ordertotal", problems));
        if (fields.containsKey("phonenumber")) {
            try {
                event.put("phoneNumber", phones.toE164(fields.get("phonenumber").asText()));
            } catch (InvalidPhoneNumberException e) {
                problems.add("PhoneNumber: " + e.getMessage());
            }
        }
        event.put("customerName", text(fields, "customername"));
        event.put("orderNumber", text(fields, "ordernumber"));
        event.put("currency", text(fields, "currency"));
        event.put("eventName", text(fields, "eventname"));
        event.put("eventDate", text(fields, "eventdate"));
        event.put("venueName", text(fields, "venuename"));
        event.put("eventTimestamp", text(fields, "eventtimestamp"));

        if (!problems.isEmpty()) {
            throw new InvalidEventException(messageType + " is invalid: " + String.join("; ", problems));
        }
        // the idempotency key: one SMS per message type and order, however often the event arrives
        event.put("eventKey", messageType + ":" + event.get("orderId"));
        return event;
    }

    /**
     * Fills what the event does not carry from the order row (select-order.sql): the thin event gets venue, phone
     * and names; every event gets the order number, event name and date for the template. Values in the event win.
     */
    public Map<String, Object> completeFromOrder(Map<String, Object> event, Map<String, Object> order) {
        if (order == null) {
            return event;
        }
        fill(event, "venueId", order.get("VenueID"));
        fill(event, "customerName", order.get("FirstName"));
        fill(event, "orderNumber", order.get("OrderNumber"));
        fill(event, "orderTotal", order.get("OrderTotal"));
        fill(event, "currency", order.get("Currency"));
        fill(event, "ticketCount", order.get("TicketCount"));
        fill(event, "eventName", order.get("EventName"));
        fill(event, "venueName", order.get("VenueName"));
        fill(event, "venueCountry", order.get("CountryCode"));
        Object eventDate = order.get("EventDate");
        if (event.get("eventDate") == null && eventDate != null) {
            event.put("eventDate", formatDate(eventDate));
        }
        if (event.get("phoneNumber") == null && order.get("PhoneNumber") != null
                && phones.isValid(order.get("PhoneNumber").toString())) {
            event.put("phoneNumber", phones.toE164(order.get("PhoneNumber").toString()));
        }
        return event;
    }

    private static String formatDate(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().format(EVENT_DATE);
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.format(EVENT_DATE);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.format(EVENT_DATE);
        }
        return value.toString();
    }

    private static void fill(Map<String, Object> event, String key, Object value) {
        if (event.get(key) == null && value != null) {
            event.put(key, value instanceof BigDecimal d ? d.setScale(2, java.math.RoundingMode.HALF_UP) : value);
        }
    }

    private static UUID uuid(Map<String, JsonNode> fields, String name, List<String> problems, boolean required) {
        JsonNode node = fields.get(name);
        if (node == null || node.asText().isBlank()) {
            if (required) {
                problems.add(pascal(name) + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(node.asText().trim());
        } catch (IllegalArgumentException e) {
            problems.add(pascal(name) + " is not a UUID");
            return null;
        }
    }

    private static Integer positiveInt(Map<String, JsonNode> fields, String name, List<String> problems) {
        JsonNode node = fields.get(name);
        if (node == null) {
            return null;
        }
        if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() > 0
                || node.isTextual() && node.asText().matches("\\d{1,9}") && Integer.parseInt(node.asText()) > 0) {
            return node.asInt();
        }
        problems.add(pascal(name) + " is not a positive whole number");
        return null;
    }

    private static BigDecimal decimal(Map<String, JsonNode> fields, String name, List<String> problems) {
        JsonNode node = fields.get(name);
        if (node == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(node.asText().trim());
            if (value.signum() < 0) {
                problems.add(pascal(name) + " is negative");
                return null;
            }
            return value.setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            problems.add(pascal(name) + " is not a number");
            return null;
        }
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.asText().isBlank() ? null : node.asText().trim();
    }

    private static String pascal(String lower) {
        return switch (lower) {
            case "orderid" -> "OrderId";
            case "customerid" -> "CustomerId";
            case "venueid" -> "VenueId";
            case "ticketcount" -> "TicketCount";
            case "ordertotal" -> "OrderTotal";
            default -> lower;
        };
    }
}
