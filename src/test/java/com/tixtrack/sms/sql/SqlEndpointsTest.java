package com.tixtrack.sms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.sql.SqlEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every sql: endpoint of the routes, as the service starts them, prepares its statement with the parsed-once strategy. */
@SpringBootTest
@ActiveProfiles("test")
class SqlEndpointsTest {

    @Autowired
    CamelContext camel;

    @Test
    void everySqlEndpointParsesItsStatementOnce() {
        List<SqlEndpoint> sql = camel.getEndpoints().stream()
                .filter(SqlEndpoint.class::isInstance).map(SqlEndpoint.class::cast).toList();

        assertThat(sql).extracting(SqlEndpoint::getEndpointUri)
                .anyMatch(uri -> uri.contains("insert-history.sql"))
                .anyMatch(uri -> uri.contains("select-order.sql"));
        assertThat(sql).hasSizeGreaterThan(15)
                .allSatisfy(endpoint -> assertThat(endpoint.getPrepareStatementStrategy())
                        .isInstanceOf(ParsedOnceSqlParameters.class));
    }
}
