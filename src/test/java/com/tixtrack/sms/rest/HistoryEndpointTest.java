package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /api/history: filters, pagination with a total, CSV export, and 400s for bad parameters. */
class HistoryEndpointTest extends RestApiTestSupport {

    int venue;
    String ada;
    String ben;
    UUID order;

    void row(UUID orderId, String phone, String status, LocalDateTime createdAt, String message) {
        jdbc.update("INSERT INTO SmsSendHistory (EventKey, MessageType, OrderID, VenueID, CustomerPhoneNumber, Message,"
                + " SegmentCount, ProviderNameID, StatusID, ProviderMessageID, ErrorCode, CreatedAt, UpdatedAt)"
                + " VALUES (?, 'SendOrderConfirmationSms', ?, ?, ?, ?, 1, (SELECT ID FROM ProviderNames WHERE Name = 'twilio'),"
                + " (SELECT ID FROM SmsSendHistoryStatuses WHERE Name = ?), ?, ?, ?, ?)",
                "test:" + UUID.randomUUID(), orderId, venue, phone, message, status, "SM" + UUID.randomUUID(),
                status.equals("failed") ? "21211" : null, Timestamp.valueOf(createdAt), Timestamp.valueOf(createdAt));
    }

    @BeforeEach
    void history() {
        venue = newVenue();
        ada = newPhone();
        ben = newPhone();
        order = UUID.randomUUID();
        row(order, ada, "delivered", LocalDateTime.of(2025, 6, 1, 10, 0), "Your tickets for Night Owls, Ada");
        row(UUID.randomUUID(), ada, "sent", LocalDateTime.of(2025, 6, 2, 10, 0), "Second order");
        row(UUID.randomUUID(), ben, "blocked_opted_out", LocalDateTime.of(2025, 6, 3, 10, 0), null);
        row(UUID.randomUUID(), ben, "failed", LocalDateTime.of(2025, 6, 4, 23, 59), "=cmd|' /C calc'!A0");
        row(UUID.randomUUID(), ada, "delivered", LocalDateTime.of(2025, 6, 5, 0, 0), "Commas, \"quotes\"\nand lines");
    }

    JsonNode page(String query) {
        ResponseEntity<String> response = get("/api/history?venueId=" + venue + query, READER_KEY);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
        return json(response);
    }

    static List<String> messages(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(i -> i.get("message").isNull() ? null : i.get("message").asText()).toList();
    }

    @Test
    void aVenuesHistoryNewestFirstWithFullPhoneNumbers() {
        JsonNode page = page("");

        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("createdAt").asText()).isEqualTo("2025-06-05T00:00:00Z");
        assertThat(newest.get("phoneNumber").asText()).isEqualTo(ada);
        assertThat(newest.get("status").asText()).isEqualTo("delivered");
        assertThat(newest.get("provider").asText()).isEqualTo("twilio");
        assertThat(newest.get("venueId").asInt()).isEqualTo(venue);
        assertThat(page.get("items").get(4).get("orderId").asText()).isEqualTo(order.toString());
    }

    @Test
    void filtersCombine() {
        assertThat(page("&orderId=" + order).get("total").asInt()).isEqualTo(1);
        assertThat(page("&phoneNumber=%2B" + ada.substring(1)).get("total").asInt()).isEqualTo(3);
        assertThat(page("&phoneNumber=" + ben).get("total").asInt()).as("a raw + is a plus here").isEqualTo(2);
        assertThat(page("&status=delivered").get("total").asInt()).isEqualTo(2);
        assertThat(page("&phoneNumber=%2B" + ada.substring(1) + "&status=delivered").get("total").asInt()).isEqualTo(2);
        assertThat(page("&from=2025-06-02&to=2025-06-04").get("total").asInt()).as("to: the whole day").isEqualTo(3);
        assertThat(page("&from=2025-06-02T10:00:00Z&to=2025-06-04T23:59:00Z").get("total").asInt())
                .as("from inclusive, to exclusive").isEqualTo(2);
        assertThat(page("&from=2025-06-04T23:59:00%2B02:00").get("total").asInt()).as("offsets count").isEqualTo(2);
        assertThat(page("&status=queued").get("total").asInt()).isZero();
        assertThat(get("/api/history?orderId=" + order, READER_KEY).getBody()).contains(order.toString());
    }

    @Test
    void pagesCarryTheTotal() {
        JsonNode first = page("&size=2");
        JsonNode third = page("&size=2&page=2");
        JsonNode beyond = page("&size=2&page=9");

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("page").asInt()).isEqualTo(2);
        assertThat(messages(third)).containsExactly("Your tickets for Night Owls, Ada");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asInt()).isEqualTo(5);
        List<String> all = new ArrayList<>(messages(first));
        all.addAll(messages(page("&size=2&page=1")));
        all.addAll(messages(third));
        assertThat(all).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void csvByAcceptHeaderOrFormat() {
        ResponseEntity<String> byAccept = get("/api/history?venueId=" + venue, READER_KEY, "text/csv");
        ResponseEntity<String> byFormat = get("/api/history?venueId=" + venue + "&format=csv", READER_KEY);

        for (ResponseEntity<String> csv : List.of(byAccept, byFormat)) {
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
            assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("sms-history.csv");
            assertThat(csv.getHeaders().getContentLength()).as("streamed, not sized up front").isEqualTo(-1);
            String[] lines = csv.getBody().split("\r\n");
            assertThat(lines[0]).startsWith("id,createdAt,updatedAt,orderId,venueId,phoneNumber,senderNumber");
            assertThat(lines).hasSize(1 + 5); // header and 5 rows (a quoted field's own line break is a bare \n)
            assertThat(lines[1]).contains(ada).contains("2025-06-05T00:00:00Z").contains("\"Commas, \"\"quotes\"\"");
            assertThat(csv.getBody()).contains("'=cmd|' /C calc'!A0").contains(",21211,");
        }
    }

    @Test
    void csvHonoursTheFiltersAndHasNoPaging() {
        String csv = get("/api/history?venueId=" + venue + "&phoneNumber=%2B" + ben.substring(1) + "&size=1",
                READER_KEY, "text/csv").getBody();

        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).doesNotContain(ada);
    }

    @Test
    void badParametersAre400Problems() {
        for (String query : List.of("orderId=nope", "phoneNumber=123", "venueId=abc", "venueId=-1", "status=lost",
                "from=yesterday", "to=2025-13-01", "from=2025-06-05&to=2025-06-01", "page=-1", "size=0", "size=501",
                "page=x", "format=xml", "venue=1", "venueId=1&venueId=2",
                "from=%25ZZ")) {
            assertProblem(get("/api/history?" + query, READER_KEY), 400);
        }
        assertProblem(get("/api/history", READER_KEY, "application/xml"), 406);
    }
}
