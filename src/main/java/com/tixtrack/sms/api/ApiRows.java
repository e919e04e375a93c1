package com.tixtrack.sms.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Database rows as API values: timestamps as ISO-8601 UTC ({@code 2025-06-01T10:15:30Z}; the tables hold UTC),
 * GUIDs (columns named ...Id) as lower-case strings, everything else as read.
 */
public final class ApiRows {

    private static final Pattern GUID =
            Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private ApiRows() {
    }

    public static Map<String, Object> row(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, k.endsWith("Id") && v instanceof String s && GUID.matcher(s).matches()
                ? s.toLowerCase(Locale.ROOT) // SQL Server returns GUIDs upper-case
                : value(v)));
        return out;
    }

    public static Object value(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return iso(ts.toLocalDateTime());
        }
        if (v instanceof LocalDateTime ldt) {
            return iso(ldt);
        }
        if (v instanceof OffsetDateTime odt) {
            return DateTimeFormatter.ISO_INSTANT.format(odt.toInstant());
        }
        if (v instanceof java.util.Date d) {
            return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
        }
        if (v instanceof UUID uuid) {
            return uuid.toString();
        }
        return v;
    }

    private static String iso(LocalDateTime ldt) {
        return DateTimeFormatter.ISO_INSTANT.format(ldt.toInstant(ZoneOffset.UTC));
    }
}
