package com.tixtrack.sms.events;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotent consumer's memory, in the database (CAMEL_MESSAGEPROCESSED, created by Flyway): shared by every
 * instance and kept across restarts, so a redelivered or republished event never sends a second SMS.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    JdbcMessageIdRepository idempotentEvents(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "sms-events");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
