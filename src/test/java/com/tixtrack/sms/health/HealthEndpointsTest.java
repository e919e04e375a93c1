package com.tixtrack.sms.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** /health, /health/live and /health/ready over real HTTP, including readiness while the broker is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // stops and restarts the embedded broker
class HealthEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void healthShowsEveryComponentWithDetails() {
        ResponseEntity<JsonNode> health = http.getForEntity("/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode components = health.getBody().get("components");
        assertThat(components.get("db").get("details").get("database").asText()).isEqualTo("H2");
        assertThat(components.get("jms").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("camelHealth").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessFollowsTheBrokerWhileLivenessStaysUp() throws Exception {
        assertThat(http.getForEntity("/health/ready", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/health/live", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        broker.getActiveMQServer().stop();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ResponseEntity<JsonNode> ready = http.getForEntity("/health/ready", JsonNode.class);
                assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(ready.getBody().get("components").get("jms").get("status").asText()).isEqualTo("DOWN");
            });
            assertThat(http.getForEntity("/health/live", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            broker.getActiveMQServer().start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.getForEntity("/health/ready", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK));
    }
}
