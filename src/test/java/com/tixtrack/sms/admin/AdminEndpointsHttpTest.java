package com.tixtrack.sms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's demo over real HTTP on the local default: the admin endpoint publishes onto the embedded broker,
 * the flow sends through the built-in Twilio simulator (the real SDK over HTTP), the simulator's signed status
 * callback moves the history row to delivered, and the history API shows it. Plus the template preview and
 * the admin role on the dead-letter endpoints.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminEndpointsHttpTest {

    static final String ADA_ORDER = "0d000000-0000-0000-0000-000000000001";
    static final String ADA = "c0000000-0000-0000-0000-000000000001";

    @Autowired
    TestRestTemplate http;

    @Test
    void demoOrderIsPublishedSentThroughTheSimulatorAndDelivered() {
        ResponseEntity<JsonNode> published = post("/admin/events/order-confirmation", "local-admin-key",
                "{\"OrderId\":\"" + ADA_ORDER + "\",\"CustomerId\":\"" + ADA + "\"}");
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(published.getBody().get("messageType").asText()).isEqualTo("SendOrderConfirmationSms");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode page = get("/api/history?orderId=" + ADA_ORDER, "local-reader-key").getBody();
            assertThat(page.get("total").asInt()).isEqualTo(1);
            assertThat(page.get("items").get(0).get("status").asText()).isEqualTo("delivered");
        });
        JsonNode simulator = http.getForObject("/simulator/twilio/messages", JsonNode.class);
        assertThat(simulator.get("count").asLong()).isEqualTo(1);
        assertThat(simulator.get("recent").get(0).get("to").asText()).isEqualTo("+*******0101");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("sms_sent_total\\{[^}]*message_type=\"SendOrderConfirmationSms\",provider=\"twilio\"} 1\\.0")
                .containsPattern("sms_send_duration_seconds_count\\{[^}]*provider=\"twilio\"} 1");

        // the same event again: one SMS per order
        post("/admin/events/order-confirmation", "local-admin-key",
                "{\"OrderId\":\"" + ADA_ORDER + "\",\"CustomerId\":\"" + ADA + "\"}");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(http.getForObject("/simulator/twilio/messages", JsonNode.class).get("count").asLong()).isEqualTo(1));
    }

    @Test
    void publishingNeedsTheAdminRoleAndAValidEvent() {
        String event = "{\"OrderId\":\"" + ADA_ORDER + "\",\"CustomerId\":\"" + ADA + "\"}";
        assertThat(post("/admin/events/order-confirmation", null, event).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("/admin/events/order-confirmation", "local-reader-key", event).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> invalid = post("/admin/events/order-confirmation", "local-admin-key", "{\"OrderId\":\"x\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("detail").asText()).contains("OrderId is not a UUID").contains("CustomerId is required");

        ResponseEntity<JsonNode> unknownType = post("/admin/events/no-such-type", "local-admin-key", event);
        assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownType.getBody().get("detail").asText()).contains("unknown message type");
    }

    @Test
    void templatePreviewShowsTextEncodingAndSegments() {
        JsonNode gsm = post("/admin/templates/preview", "local-admin-key", """
                {"messageType": "SendOrderConfirmationSms", "values": {"CustomerName": "Ada", "OrderNumber": "BR-1",
                 "EventName": "Night Owls", "EventDate": "Sat 12 Dec", "TicketCount": 2, "OrderTotal": "84.50",
                 "Currency": "USD", "VenueName": "The Blue Room"}}""").getBody();
        assertThat(gsm.get("text").asText()).startsWith("Hi Ada, your order BR-1 for Night Owls on Sat 12 Dec is confirmed");
        assertThat(gsm.get("encoding").asText()).isEqualTo("GSM_7");
        assertThat(gsm.get("segments").asInt()).isEqualTo(1);

        JsonNode ucs2 = post("/admin/templates/preview", "local-admin-key",
                "{\"text\": \"Merci Zoë 🎟 " + "x".repeat(70) + "\"}").getBody();
        assertThat(ucs2.get("encoding").asText()).isEqualTo("UCS_2");
        assertThat(ucs2.get("segments").asInt()).isEqualTo(2);
        assertThat(ucs2.get("multiSegment").asBoolean()).isTrue();

        assertThat(post("/admin/templates/preview", "local-reader-key", "{\"text\": \"hi\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void deadLetterEndpointsNeedTheAdminRole() {
        assertThat(get("/admin/dead-letters", "local-admin-key").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/admin/dead-letters", "local-admin-key").getBody().has("total")).isTrue();
        assertThat(get("/admin/dead-letters", "local-reader-key").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/admin/dead-letters", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("/admin/dead-letters/replay", "local-reader-key", "{\"all\": true}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noFilter = post("/admin/dead-letters/replay", "local-admin-key", "{}");
        assertThat(noFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.exchange("/admin/dead-letters/ID:nope", HttpMethod.DELETE, new HttpEntity<>(headers("local-admin-key")),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(String path, String key, String json) {
        HttpHeaders headers = headers(key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String key) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(key)), JsonNode.class);
    }

    private static HttpHeaders headers(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        if (key != null) {
            headers.set("X-Api-Key", key);
        }
        return headers;
    }
}
