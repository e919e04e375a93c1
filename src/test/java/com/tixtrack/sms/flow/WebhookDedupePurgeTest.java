package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Inbound message ids (webhook-inbound's idempotent consumer) are forgotten once older than sms.webhooks.dedupe-keep
 * (30 days); younger ids, and other processors' rows, stay.
 */
class WebhookDedupePurgeTest extends FlowTestSupport {

    @Test
    void inboundIdsOlderThanTheKeepPeriodArePurgedAndOthersStay() throws Exception {
        String old = "twilio:SM" + UUID.randomUUID();
        String recent = "plivo:" + UUID.randomUUID();
        String otherProcessor = "SendOrderConfirmationSms:" + UUID.randomUUID() + "|twilio";
        insert("webhook-inbound", old, 31);
        insert("webhook-inbound", recent, 29);
        insert("provider-pins", otherProcessor, 31);

        try (ProducerTemplate template = camel.createProducerTemplate()) {
            template.sendBody("direct:purge-webhook-dedupe", null);
        }

        assertThat(rows("webhook-inbound", old)).as("an id older than 30 days").isZero();
        assertThat(rows("webhook-inbound", recent)).as("an id younger than 30 days").isOne();
        assertThat(rows("provider-pins", otherProcessor)).as("another processor's row").isOne();
    }

    private void insert(String processor, String messageId, int daysAgo) {
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                + " VALUES (?, ?, DATEADD(day, ?, CURRENT_TIMESTAMP))", processor, messageId, -daysAgo);
    }

    private int rows(String processor, String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?"
                + " AND messageId = ?", Integer.class, processor, messageId);
    }
}
