package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Who may call what: the API key matrix for every endpoint group, and what stays open. */
class ApiSecurityTest extends RestApiTestSupport {

    static List<Arguments> apiEndpoints() {
        return List.of(
                Arguments.of(HttpMethod.GET, "/api/history", null),
                Arguments.of(HttpMethod.GET, "/api/consent/1/+14155550101", null),
                Arguments.of(HttpMethod.POST, "/api/consent",
                        "{\"venueId\": 1, \"phoneNumber\": \"+14155550101\", \"source\": \"checkout\"}"));
    }

    static List<Arguments> adminEndpoints() {
        return List.of(
                Arguments.of(HttpMethod.POST, "/admin/templates/preview", "{}"),
                Arguments.of(HttpMethod.POST, "/admin/events/SendOrderConfirmationSms", "{}"),
                Arguments.of(HttpMethod.GET, "/admin/dead-letters", null),
                Arguments.of(HttpMethod.POST, "/admin/dead-letters/replay", "{}"),
                Arguments.of(HttpMethod.DELETE, "/admin/dead-letters/ID:abc-1", null));
    }

    ResponseEntity<String> call(HttpMethod method, String path, String body, String key, Map<String, String> extra) {
        HttpHeaders h = new HttpHeaders();
        if (key != null) {
            h.add("X-Api-Key", key);
        }
        extra.forEach(h::add);
        if (body != null) {
            h.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(java.net.URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, h),
                String.class);
    }

    ResponseEntity<String> call(HttpMethod method, String path, String body, String key) {
        return call(method, path, body, key, Map.of());
    }

    @ParameterizedTest
    @MethodSource({"apiEndpoints", "adminEndpoints"})
    void withoutAKnownKeyIs401(HttpMethod method, String path, String body) {
        JsonNode problem = assertProblem(call(method, path, body, null), 401);
        assertThat(problem.get("detail").asText()).contains("X-Api-Key");
        assertProblem(call(method, path, body, "not-a-key"), 401);
        assertProblem(call(method, path, body, READER_KEY + "x"), 401);
        assertProblem(call(method, path, body, READER_KEY.toUpperCase()), 401);
    }

    @ParameterizedTest
    @MethodSource("apiEndpoints")
    void readersAndAdminsMayCallTheApi(HttpMethod method, String path, String body) {
        for (String key : List.of(READER_KEY, ADMIN_KEY)) {
            int status = call(method, path, body, key).getStatusCode().value();
            assertThat(status).as(method + " " + path).isIn(200, 404);
        }
    }

    @ParameterizedTest
    @MethodSource("adminEndpoints")
    void readersMayNotCallAdminEndpoints(HttpMethod method, String path, String body) {
        assertThat(assertProblem(call(method, path, body, READER_KEY), 403).get("detail").asText())
                .contains("role admin");
    }

    @ParameterizedTest
    @MethodSource("adminEndpoints")
    void adminsGetThroughToTheAdminFlows(HttpMethod method, String path, String body) {
        ResponseEntity<String> response = call(method, path, body, ADMIN_KEY);
        int status = response.getStatusCode().value();
        // the flows answer for themselves (200, or 400/404 for these sample requests); 501 until a flow exists
        assertThat(status).as(method + " " + path + " -> " + response.getBody()).isNotIn(401, 403)
                .satisfiesAnyOf(s -> assertThat(s).isLessThan(500), s -> assertThat(s).isEqualTo(501));
        if (status == 501) {
            assertProblem(response, 501);
        }
    }

    @Test
    void healthMetricsDocsAndWebhooksNeedNoKey() {
        // a webhook without a key is judged by its signature, not refused for the key
        assertProblem(postForm("/webhook/twilio", Map.of("MessageSid", "SM1"), Map.of()), 403);
        assertThat(call(HttpMethod.GET, "/health/live", null, null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> prometheus = call(HttpMethod.GET, "/actuator/prometheus", null, null);
        assertThat(prometheus.getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.getBody()).as("the routes' counters reach the scrape")
                .contains("sms_webhook_signature_failures_total");
        assertThat(call(HttpMethod.GET, "/docs/index.html", null, null).getBody()).contains("swagger-ui");
        assertThat(call(HttpMethod.GET, "/webjars/swagger-ui/swagger-ui-bundle.js", null, null).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> openapi = call(HttpMethod.GET, "/openapi.json", null, null);
        assertThat(openapi.getStatusCode().value()).isEqualTo(200);
        JsonNode doc = json(openapi);
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/webhook/twilio", "/webhook/twilio/status",
                "/webhook/plivo", "/webhook/plivo/status", "/api/consent", "/api/consent/{venueId}/{phone}",
                "/api/history", "/admin/templates/preview", "/admin/events/{messageType}", "/admin/dead-letters",
                "/admin/dead-letters/replay", "/admin/dead-letters/{messageId}");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.at("/paths/~1api~1history/get/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1webhook~1twilio/post/security").isMissingNode()).as("signed, not keyed").isTrue();
    }

    @Test
    void theKeyIsNeverEchoedAndTheClientNameCannotBeForged() {
        ResponseEntity<String> response = call(HttpMethod.GET, "/api/history?venueId=" + newVenue(), null, READER_KEY,
                Map.of("X-Api-Client", "someone-else", "X-Custom", "echo?"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().keySet()).doesNotContain("X-Api-Key", "X-Api-Client", "X-Custom", "venueId");
        assertThat(response.getBody()).doesNotContain(READER_KEY);
    }

    @Test
    void pathTricksDoNotGetAround() {
        assertProblem(call(HttpMethod.GET, "//api/history", null, null), 401);
        assertProblem(call(HttpMethod.GET, "/API/history", null, null), 401);
        assertProblem(call(HttpMethod.GET, "/admin/dead-letters", null, READER_KEY), 403);
        assertProblem(call(HttpMethod.GET, "/api/nothing-here", null, READER_KEY), 404);
    }
}
