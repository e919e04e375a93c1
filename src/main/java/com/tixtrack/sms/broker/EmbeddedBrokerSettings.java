package com.tixtrack.sms.broker;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.tixtrack.sms.templates.MessageTypeProperties;

/**
 * The embedded Artemis broker's redelivery and dead-lettering, per message type queue: a rolled-back event comes
 * back after a growing delay; the route dead-letters it itself, with its reason, on the last delivery
 * ({@code sms.events.max-deliveries}); the broker's own move to DLQ.&lt;type&gt; one delivery later is only a
 * safety net. Optionally the broker also listens on TCP (sms.broker.tcp-port), so a benchmark or another local
 * process can publish events; by default it is reachable only inside the service.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerSettings {

    @Bean
    ArtemisConfigurationCustomizer smsEventAddressSettings(MessageTypeProperties messageTypes,
                                                           @Value("${sms.events.max-deliveries}") int maxDeliveries,
                                                           @Value("${sms.events.redelivery-delay-ms}") long delayMs) {
        return config -> messageTypes.getMessageTypes().keySet().forEach(type -> {
            config.addAddressSetting(type, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("DLQ." + type))
                    .setMaxDeliveryAttempts(maxDeliveries + 1)
                    .setRedeliveryDelay(delayMs)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(delayMs * 8));
            // the dead-letter queue exists from the start: Artemis drops a message sent to an address without a queue
            config.addQueueConfiguration(QueueConfiguration.of("DLQ." + type).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        });
    }

    /**
     * How long the journal gathers writes before one fsync. A transacted ack returns only after its fsync, so this
     * is a wait in every event; Artemis' NIO default (3.3 ms) suits throughput of many producers, not a few
     * consumers each waiting for its own ack.
     */
    @Bean
    ArtemisConfigurationCustomizer journalFlush(@Value("${sms.broker.journal-flush-us}") int flushMicros) {
        return config -> {
            config.setJournalBufferTimeout_NIO(flushMicros * 1000);
            config.setJournalBufferTimeout_AIO(flushMicros * 1000);
        };
    }

    @Bean
    @ConditionalOnExpression("'${sms.broker.tcp-port:}' != ''")
    ArtemisConfigurationCustomizer tcpAcceptor(@Value("${sms.broker.tcp-port}") int port) {
        return config -> {
            try {
                config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
            } catch (Exception e) {
                throw new IllegalStateException("cannot listen on TCP port " + port + " for the embedded broker", e);
            }
        };
    }
}
