package com.tixtrack.sms.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.tixtrack.sms.consent.ConsentInput;
import com.tixtrack.sms.phone.PhoneNumbers;

/**
 * Filters, pagination and output for {@code GET /api/history} (the {@code history-query} route calls it as
 * {@code bean:historyApi}). The filters become exchange variables that the SQL in {@code sql/history-*.sql} binds
 * as {@code :#${variable.name}} parameters; a filter not given is null and matches everything.
 *
 * <p>Full phone numbers are returned (authorised compliance lookups) but never logged: {@link #describe} masks them.
 */
@Component("historyApi")
public class HistoryApi {

    static final Set<String> PARAMS =
            Set.of("orderId", "phoneNumber", "venueId", "status", "from", "to", "page", "size", "format");
    static final Set<String> STATUSES = Set.of("queued", "sent", "delivered", "undelivered", "failed",
            "skipped_order_invalid", "skipped_no_consent", "blocked_opted_out");
    static final int MAX_PAGE = 1_000_000;

    /** The columns of a history item, in JSON and CSV order. */
    static final List<String> COLUMNS = List.of("id", "createdAt", "updatedAt", "orderId", "venueId", "phoneNumber",
            "senderNumber", "messageType", "status", "provider", "providerMessageId", "errorCode", "errorMessage",
            "segmentCount", "customerId", "correlationId", "eventKey", "message");

    private final PhoneNumbers phoneNumbers;
    private final int defaultSize;
    private final int maxSize;

    public HistoryApi(PhoneNumbers phoneNumbers,
            @Value("${sms.api.history.default-page-size:50}") int defaultSize,
            @Value("${sms.api.history.max-page-size:500}") int maxSize) {
        this.phoneNumbers = phoneNumbers;
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    /** The query string as variables orderId, phoneNumber, venueId, status, from, to, page, size, offset, format. */
    public void parse(Exchange exchange) {
        Map<String, String> q = QueryParams.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class),
                PARAMS);
        exchange.setVariable("orderId", blank(q.get("orderId")) ? null : uuid(q.get("orderId")));
        exchange.setVariable("phoneNumber", blank(q.get("phoneNumber")) ? null : phoneNumbers.toE164(q.get("phoneNumber")));
        exchange.setVariable("venueId", blank(q.get("venueId")) ? null : ConsentInput.venueId(q.get("venueId")));
        String status = q.get("status");
        if (!blank(status) && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status must be one of " + STATUSES);
        }
        exchange.setVariable("status", blank(status) ? null : status);
        LocalDateTime from = blank(q.get("from")) ? null : time("from", q.get("from"), false);
        LocalDateTime to = blank(q.get("to")) ? null : time("to", q.get("to"), true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to");
        }
        exchange.setVariable("from", from == null ? null : Timestamp.valueOf(from));
        exchange.setVariable("to", to == null ? null : Timestamp.valueOf(to));
        int page = blank(q.get("page")) ? 0 : number("page", q.get("page"), 0, MAX_PAGE);
        int size = blank(q.get("size")) ? defaultSize : number("size", q.get("size"), 1, maxSize);
        exchange.setVariable("page", page);
        exchange.setVariable("size", size);
        exchange.setVariable("offset", (long) page * size);
        exchange.setVariable("format", format(q.get("format"), exchange.getMessage().getHeader("Accept", String.class)));
    }

    /** The filters for a log line, with the phone number masked. */
    public String describe(Exchange exchange) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("orderId", "venueId", "status", "from", "to", "page", "size", "format")) {
            Object v = exchange.getVariable(name);
            if (v != null) {
                s.append(name).append('=').append(v).append(' ');
            }
        }
        Object phone = exchange.getVariable("phoneNumber");
        if (phone != null) {
            s.append("phoneNumber=").append(PhoneNumbers.mask(phone.toString()));
        }
        return s.toString().trim();
    }

    /** {@code {items, page, size, total}} from the page's rows and the count. */
    public Map<String, Object> page(List<Map<String, Object>> rows, Exchange exchange) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", rows.stream().map(ApiRows::row).toList());
        page.put("page", exchange.getVariable("page"));
        page.put("size", exchange.getVariable("size"));
        page.put("total", exchange.getVariable("total"));
        return page;
    }

    /** The rows as CSV with a header row, rendered one row at a time while the response is written. */
    public InputStream csv(Iterator<Map<String, Object>> rows) {
        return new CsvStream(rows);
    }

    static String csvLine(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = values.get(i);
            line.append(v == null ? "" : csvField(v.toString()));
        }
        return line.append("\r\n").toString();
    }

    /** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula (not on +E.164 numbers). */
    static String csvField(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-]?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String format(String param, String accept) {
        if (!blank(param)) {
            String f = param.toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv")) {
                throw ProblemException.badRequest("format must be json or csv");
            }
            return f;
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")
                && !accept.toLowerCase(Locale.ROOT).contains("application/json") ? "csv" : "json";
    }

    private static String uuid(String value) {
        try {
            return UUID.fromString(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("orderId must be a GUID like 0d000000-0000-0000-0000-000000000001");
        }
    }

    /**
     * ISO-8601: an instant or offset date-time ({@code 2025-06-01T10:00:00Z}), a local date-time (taken as UTC), or
     * a date (start of day UTC; for {@code to}, the end of that day). {@code from} is inclusive, {@code to} exclusive.
     */
    static LocalDateTime time(String name, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            LocalDate date = LocalDate.parse(v);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 date or date-time, e.g. 2025-06-01 or "
                    + "2025-06-01T10:00:00Z");
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.badRequest(name + " must be an integer from " + min + " to " + max);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Pulls a row, renders its line, hands out its bytes; closes the result set when done or closed. */
    static final class CsvStream extends InputStream {

        private final Iterator<Map<String, Object>> rows;
        private byte[] buffer = csvLine(COLUMNS).getBytes(StandardCharsets.UTF_8);
        private int position;

        CsvStream(Iterator<Map<String, Object>> rows) {
            this.rows = rows;
        }

        private boolean fill() {
            while (position >= buffer.length) {
                if (!rows.hasNext()) {
                    return false;
                }
                Map<String, Object> row = ApiRows.row(rows.next());
                buffer = csvLine(COLUMNS.stream().map(row::get).toList()).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (rows instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }
}
