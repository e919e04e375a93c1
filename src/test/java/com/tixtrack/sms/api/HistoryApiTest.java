package com.tixtrack.sms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HistoryApiTest {

    @Test
    void timesAreIsoInstantsOffsetsLocalTimesOrDates() {
        assertThat(HistoryApi.time("from", "2025-06-01T12:00:00+02:00", false))
                .isEqualTo(LocalDateTime.of(2025, 6, 1, 10, 0));
        assertThat(HistoryApi.time("from", "2025-06-01T10:00:00Z", false)).isEqualTo(LocalDateTime.of(2025, 6, 1, 10, 0));
        assertThat(HistoryApi.time("from", "2025-06-01T10:00", false)).isEqualTo(LocalDateTime.of(2025, 6, 1, 10, 0));
        assertThat(HistoryApi.time("from", "2025-06-01", false)).isEqualTo(LocalDateTime.of(2025, 6, 1, 0, 0));
        assertThat(HistoryApi.time("to", "2025-06-01", true)).isEqualTo(LocalDateTime.of(2025, 6, 2, 0, 0));
        assertThatThrownBy(() -> HistoryApi.time("to", "01/06/2025", true)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("to must be an ISO-8601");
    }

    @Test
    void queryParametersAreStrict() {
        assertThat(QueryParams.parse("a=1&b=%2B1+2", java.util.Set.of("a", "b")))
                .containsEntry("a", "1").containsEntry("b", "+1+2");
        assertThatThrownBy(() -> QueryParams.parse("a=%ZZ", java.util.Set.of("a"))).hasMessageContaining("%-escape");
        assertThatThrownBy(() -> QueryParams.parse("c=1", java.util.Set.of("a"))).hasMessageContaining("unknown");
        assertThatThrownBy(() -> QueryParams.parse("a=1&a=2", java.util.Set.of("a"))).hasMessageContaining("once");
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() {
        assertThat(HistoryApi.csvField("plain")).isEqualTo("plain");
        assertThat(HistoryApi.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(HistoryApi.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HistoryApi.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(HistoryApi.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(HistoryApi.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(HistoryApi.csvField("+14155550101")).as("E.164 stays as it is").isEqualTo("+14155550101");
        assertThat(HistoryApi.csvField("-5")).isEqualTo("-5");
    }

    @Test
    void csvStreamRendersRowByRowAndClosesTheResultSet() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7L);
        row.put("phoneNumber", "+14155550101");
        row.put("message", "Hi, Ada");
        row.put("createdAt", java.sql.Timestamp.valueOf(LocalDateTime.of(2025, 6, 1, 10, 0)));
        boolean[] closed = {false};
        class Rows implements Iterator<Map<String, Object>>, java.io.Closeable {
            final Iterator<Map<String, Object>> it = List.of(row, row).iterator();

            public boolean hasNext() {
                return it.hasNext();
            }

            public Map<String, Object> next() {
                return it.next();
            }

            public void close() {
                closed[0] = true;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new HistoryApi(null, 50, 500).csv(new Rows())) {
            byte[] chunk = new byte[7];
            for (int n; (n = in.read(chunk, 0, chunk.length)) > 0;) {
                out.write(chunk, 0, n);
            }
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("id,createdAt,updatedAt,orderId,venueId,phoneNumber,");
        assertThat(Arrays.asList(lines[1].split(",", -1))).startsWith("7", "2025-06-01T10:00:00Z", "", "", "",
                "+14155550101");
        assertThat(lines[1]).endsWith(",\"Hi, Ada\"");
        assertThat(closed[0]).isTrue();
    }
}
