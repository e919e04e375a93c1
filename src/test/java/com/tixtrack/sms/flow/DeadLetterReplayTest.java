package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Inspecting and replaying dead letters through the admin routes (the REST layer is tested over HTTP). */
class DeadLetterReplayTest extends FlowTestSupport {

    @Autowired
    ProducerTemplate camel;

    @Autowired
    ObjectMapper json;

    @Test
    void listShowsPoisonAndExhaustedEventsWithTheirReasonsAndMaskedPhones() throws Exception {
        Order down = providerDownAndDeadLettered();
        String poison = "{\"OrderId\": \"" + java.util.UUID.randomUUID() + "\", \"PhoneNumber\": \"+14155550123\"}";
        publish(poison);
        eventually().until(() -> !deadLettersContaining(poison.substring(13, 49)).isEmpty());

        List<Map<String, Object>> items = list();

        Map<String, Object> exhausted = byOrder(items, down.orderId().toString());
        assertThat(exhausted.get("reason")).isEqualTo("retries_exhausted");
        assertThat(exhausted.get("deliveryCount")).isEqualTo(4);
        assertThat(exhausted.get("venueId")).isEqualTo(down.venueId());
        assertThat(exhausted.get("phone").toString()).endsWith(down.phone().substring(down.phone().length() - 4)).startsWith("+*");
        assertThat(exhausted).containsKeys("messageId", "enqueuedAt", "firstSeenAt", "description").doesNotContainKey("payload");
        Map<String, Object> invalid = byOrder(items, poison.substring(13, 49));
        assertThat(invalid.get("reason")).isEqualTo("invalid_event");
        assertThat(invalid.get("description").toString()).contains("CustomerId is required");
        assertThat(invalid.get("phone")).isEqualTo("+*******0123");
    }

    @Test
    void dryRunReportsAndChangesNothing() throws Exception {
        Order order = providerDownAndDeadLettered();
        TWILIO.resetAll();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(created("SMafter")));
        String messageId = messageIdOf(order);

        List<Map<String, Object>> results = replay("{\"messageId\": \"" + messageId + "\", \"dryRun\": true}");

        assertThat(results).singleElement().satisfies(r -> assertThat(r.get("outcome")).isEqualTo("would_replay"));
        assertThat(deadLettersContaining(order.orderId().toString())).hasSize(1);
        assertThat(smsSentTo(order.phone())).isEmpty();
        assertThat(historyOf(order)).isNull();
        assertThat(audit("replay_dry_run", messageId)).isEqualTo(1);
    }

    @Test
    void replayAfterTheProviderRecoversSendsExactlyOnceAndEmptiesTheQueue() throws Exception {
        Order order = providerDownAndDeadLettered();
        TWILIO.resetAll();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(created("SMreplayed")));
        String messageId = messageIdOf(order);

        List<Map<String, Object>> results = replay("{\"messageId\": \"" + messageId + "\"}");
        assertThat(results).singleElement().satisfies(r -> assertThat(r.get("outcome")).isEqualTo("sent"));
        // replaying the same letter again finds nothing left to replay
        assertThat(replay("{\"messageId\": \"" + messageId + "\"}")).isEmpty();

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("ProviderMessageID")).isEqualTo("SMreplayed");
        assertThat(historyRows(order)).isEqualTo(1);
        assertThat(smsSentTo(order.phone())).hasSize(1);
        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
        assertThat(audit("replay", messageId)).isEqualTo(2);
    }

    @Test
    void replayOfAnEventAlreadySentSendsNothingMore() throws Exception {
        Order order = consentedOrder();
        publish(enrichedEvent(order));
        eventually().until(() -> historyOf(order) != null);
        // a stray copy of the same event ends up on the dead-letter queue
        jms.convertAndSend(DEAD_LETTERS, enrichedEvent(order), m -> {
            m.setStringProperty("deadLetterReason", "retries_exhausted");
            m.setStringProperty("messageType", "SendOrderConfirmationSms");
            return m;
        });

        List<Map<String, Object>> results = replay("{\"messageId\": \"" + messageIdOf(order) + "\"}");

        assertThat(results).singleElement().satisfies(r -> assertThat(r.get("outcome")).isEqualTo("already_handled"));
        assertThat(smsSentTo(order.phone())).hasSize(1);
        assertThat(historyRows(order)).isEqualTo(1);
        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
    }

    @Test
    void replayThatFailsAgainStaysWithTheNewReason() throws Exception {
        Order order = providerDownAndDeadLettered(); // Twilio still answers 503
        String oldId = messageIdOf(order);

        List<Map<String, Object>> results = replay("{\"messageId\": \"" + oldId + "\"}");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.get("outcome")).isEqualTo("dead_lettered_again");
            assertThat(r.get("reason")).isEqualTo("retries_exhausted");
        });
        List<Map<String, Object>> letters = list().stream()
                .filter(l -> order.orderId().toString().equals(l.get("orderId"))).toList();
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.get("messageId")).isNotEqualTo(oldId);
            assertThat(l.get("description").toString()).contains("twilio");
        });
        assertThat(historyOf(order)).isNull();
    }

    @Test
    void discardRemovesOneAndIsAudited() throws Exception {
        Order order = providerDownAndDeadLettered();
        String messageId = messageIdOf(order);

        camel.request("direct:dead-letter-discard", e -> e.getMessage().setHeader("messageId", messageId));

        assertThat(deadLettersContaining(order.orderId().toString())).isEmpty();
        assertThat(audit("discard", messageId)).isEqualTo(1);
        var again = camel.request("direct:dead-letter-discard", e -> e.getMessage().setHeader("messageId", messageId));
        assertThat(again.getMessage().getHeader("CamelHttpResponseCode")).hasToString("404");
    }

    // ---- helpers

    private Order providerDownAndDeadLettered() {
        Order order = consentedOrder();
        TWILIO.stubFor(messagesTo(order.phone()).willReturn(twilioError(503, 20500)));
        publish(enrichedEvent(order));
        eventually().until(() -> !deadLettersContaining(order.orderId().toString()).isEmpty());
        // the outage opened Twilio's breaker; an operator replays once it lets calls through again
        eventually().until(() -> !"OPEN".equals(twilioBreaker().getCircuitBreakerState()));
        return order;
    }

    private ResilienceProcessor twilioBreaker() {
        return breaker("twilio");
    }

    private String messageIdOf(Order order) throws Exception {
        return deadLettersContaining(order.orderId().toString()).get(0).getJMSMessageID();
    }

    private List<Map<String, Object>> list() throws Exception {
        String body = camel.requestBodyAndHeader("direct:dead-letter-list", null, "size", 500, String.class);
        Map<String, Object> page = json.readValue(body, new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    private List<Map<String, Object>> replay(String request) throws Exception {
        String body = camel.requestBody("direct:dead-letter-replay", request, String.class);
        return json.readValue(body, new TypeReference<>() { });
    }

    private static Map<String, Object> byOrder(List<Map<String, Object>> items, String orderId) {
        return items.stream().filter(i -> orderId.equals(i.get("orderId"))).findFirst().orElseThrow();
    }

    private int audit(String action, String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM AdminAudit WHERE Action = ? AND Target LIKE ?", Integer.class,
                action, "%" + messageId + "%");
    }
}
