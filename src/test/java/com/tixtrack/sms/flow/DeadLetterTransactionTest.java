package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dead-letter send is part of the event consumer's JMS transaction (README: design notes): a try that fails,
 * or a process that dies, after the send and before the acknowledgement rolls back both, so the redelivered event
 * is dead-lettered once. One dead letter, never a lost event.
 */
@DirtiesContext // the dead-letter route is advised with a failure
class DeadLetterTransactionTest extends FlowTestSupport {

    @Test
    void aFailureAfterTheDeadLetterSendRollsItBackWithTheEvent() throws Exception {
        String marker = "not-json-" + hex();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AdviceWith.adviceWith(camel, "dead-letter", route -> route.weaveById("publish-dead-letter").after()
                .process(exchange -> {
                    if (exchange.getMessage().getBody(String.class).contains(marker) && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("the process failed after the dead-letter send");
                    }
                }));

        publish("{this is " + marker);

        // the failed try's dead letter was rolled back with it; the redelivery is the one dead-lettered
        eventually().until(() -> deadLettersContaining(marker).stream().anyMatch(m -> "2".equals(deliveryCount(m))));
        assertThat(deadLettersContaining(marker)).extracting(DeadLetterTransactionTest::deliveryCount)
                .containsExactly("2");
    }

    private static String deliveryCount(Message message) {
        try {
            return message.getStringProperty("deliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
