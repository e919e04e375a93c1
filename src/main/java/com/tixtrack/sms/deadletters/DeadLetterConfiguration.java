package com.tixtrack.sms.deadletters;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Collects each replayed event's outcome into one list for the replay response. */
    @Bean
    GroupedBodyAggregationStrategy replayResults() {
        return new GroupedBodyAggregationStrategy();
    }

    /**
     * A replay runs the flow on its own exchange (the flow's handled errors would otherwise end the replay route
     * too) and brings back only what decides the outcome: the history status, a new dead-letter reason, whether the
     * idempotent consumer saw a duplicate, or the error that escaped the flow.
     */
    @Bean
    AggregationStrategy replayOutcome() {
        return (original, replay) -> {
            for (String name : new String[] {"status", "errorCode", "deadLetterReason", Exchange.DUPLICATE_MESSAGE}) {
                original.setProperty(name, replay.getProperty(name));
            }
            if (replay.getException() != null) {
                original.setProperty("replayError", replay.getException().getMessage());
            }
            return original;
        };
    }
}
