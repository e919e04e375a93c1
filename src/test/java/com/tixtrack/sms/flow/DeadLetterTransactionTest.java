package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dead-letter send is committed on its own, before the event's acknowledgement (README: design notes): a try
 * that fails, or a process that dies, between the two leaves the event unacknowledged, so it is redelivered and
 * dead-lettered again. A second dead letter, never a lost event.
 */
@DirtiesContext // the dead-letter route is advised with a failure
class DeadLetterTransactionTest extends FlowTestSupport {

    @Test
    void aFailureAfterTheDeadLetterSendLosesNothing() throws Exception {
        String marker = "not-json-" + hex();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AdviceWith.adviceWith(camel, "dead-letter", route -> route.weaveById("publish-dead-letter").after()
                .process(exchange -> {
                    if (exchange.getMessage().getBody(String.class).contains(marker) && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("the process failed after the dead-letter send");
                    }
                }));

        publish("{this is " + marker);

        // the failed try's dead letter stays; the event was not acknowledged, so its redelivery is dead-lettered too
        eventually().until(() -> deadLettersContaining(marker).size() == 2);
        assertThat(deadLettersContaining(marker)).extracting(DeadLetterTransactionTest::deliveryCount)
                .containsExactlyInAnyOrder("1", "2");
    }

    private static String deliveryCount(Message message) {
        try {
            return message.getStringProperty("deliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
