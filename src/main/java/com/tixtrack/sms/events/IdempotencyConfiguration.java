package com.tixtrack.sms.events;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotent consumer's memory, in the database (the outcomes in SmsSendHistory): shared by every instance and
 * kept across restarts, so a redelivered or republished event never sends a second SMS, and an event whose try was
 * cut short (a crash) is finished rather than forgotten (see RecordedEvents).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    RecordedEvents idempotentEvents(DataSource dataSource) {
        return new RecordedEvents(dataSource);
    }
}
