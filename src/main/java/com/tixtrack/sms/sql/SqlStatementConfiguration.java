package com.tixtrack.sms.sql;

import org.apache.camel.CamelContext;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code sql:} endpoint of the routes prepares its statement with {@link ParsedOnceSqlParameters}. camel-sql
 * takes a prepare strategy per endpoint only, so it is set here as each endpoint is created, rather than as an
 * option on every {@code sql:} URI the routes' authors write. An endpoint that names its own strategy keeps it.
 */
@Configuration(proxyBeanMethods = false)
public class SqlStatementConfiguration {

    @Bean
    CamelContextConfiguration sqlStatementsParsedOnce() {
        ParsedOnceSqlParameters strategy = new ParsedOnceSqlParameters();
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (endpoint instanceof SqlEndpoint sql && sql.getPrepareStatementStrategy() == null
                            && sql.getSeparator() == ',') {
                        sql.setPrepareStatementStrategy(strategy);
                    }
                    return endpoint;
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
            }
        };
    }
}
