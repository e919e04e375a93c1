package com.tixtrack.sms.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The parsed-once strategy binds every statement of the routes exactly as camel-sql's default does. */
class ParsedOnceSqlParametersTest {

    private static CamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @Test
    void namesParametersAsCamelSqlDoes() {
        assertThat(ParsedOnceSqlParameters.parameterNames(
                "SELECT a FROM t WHERE b = :?venueId AND c = :?${exchangeProperty.status} AND d = :?$simple{header.x}"
                        + " AND e = :?${variable.m[${header.k}]} AND f = :?phone_2, ':?' AS g"))
                .containsExactly("venueId", "${exchangeProperty.status}", "$simple{header.x}",
                        "${variable.m[${header.k}]}", "phone_2");
        assertThat(ParsedOnceSqlParameters.parameterNames("SELECT 1")).isEmpty();
        // lists are left to the default strategy, which expands them per call
        assertThat(ParsedOnceSqlParameters.parameterNames("SELECT a FROM t WHERE b IN (:?in:ids)")).isNull();
    }

    @Test
    void everyStatementOfTheRoutesGetsTheDefaultsQueryAndValues() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:sql/*.sql");
        assertThat(files).hasSizeGreaterThan(15);
        ParsedOnceSqlParameters parsedOnce = new ParsedOnceSqlParameters();
        DefaultSqlPrepareStatementStrategy byDefault = new DefaultSqlPrepareStatementStrategy();
        for (Resource file : files) {
            String query = statement(file);
            Exchange exchange = exchangeWithEveryName(query);
            String expectedQuery = byDefault.prepareQuery(query, true, exchange);
            List<Object> expectedValues = values(byDefault, query, expectedQuery, exchange);
            // twice: parsed on the first call, from the cache on the second
            for (int call = 0; call < 2; call++) {
                String prepared = parsedOnce.prepareQuery(query, true, exchange);
                assertThat(prepared).as(file.getFilename()).isEqualTo(expectedQuery);
                assertThat(values(parsedOnce, query, prepared, exchange)).as(file.getFilename())
                        .isEqualTo(expectedValues);
            }
        }
    }

    @Test
    void aNullablePropertyIsBoundAsNullAndTheExchangeIsLeftAsItWas() throws Exception {
        String query = SqlHelper.resolvePlaceholders(
                "INSERT INTO t (a, b, c) VALUES (:#eventKey, :#${exchangeProperty.errorCode}, :#${exchangeProperty.status})", "#");
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new HashMap<>(Map.of("eventKey", "k1")));
        exchange.setProperty("status", "sent");
        ParsedOnceSqlParameters parsedOnce = new ParsedOnceSqlParameters();
        String prepared = parsedOnce.prepareQuery(query, true, exchange);

        assertThat(prepared).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
        assertThat(values(parsedOnce, query, prepared, exchange)).containsExactly("k1", null, "sent");
        assertThat(exchange.getProperties()).containsOnlyKeys("status");
        assertThat(exchange.getMessage().getBody(Map.class)).containsOnlyKeys("eventKey");
    }

    @Test
    void aMissingNamedParameterFailsWithCamelSqlsMessage() throws Exception {
        String query = "SELECT a FROM t WHERE b = :?orderId";
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new HashMap<>(Map.of("eventKey", "k1")));
        ParsedOnceSqlParameters parsedOnce = new ParsedOnceSqlParameters();
        String prepared = parsedOnce.prepareQuery(query, true, exchange);
        DefaultSqlPrepareStatementStrategy byDefault = new DefaultSqlPrepareStatementStrategy();

        String expected = catchMessage(() -> values(byDefault, query, prepared, exchange));
        assertThat(expected).contains("Cannot find key [orderId]");
        assertThatThrownBy(() -> values(parsedOnce, query, prepared, exchange))
                .isInstanceOf(RuntimeExchangeException.class).hasMessage(expected);
    }

    @Test
    void aBatchItemIsLeftToTheDefault() throws Exception {
        String query = "INSERT INTO t (a) VALUES (:?${body[a]})";
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(List.of(Map.of("a", 1), Map.of("a", 2)));
        ParsedOnceSqlParameters parsedOnce = new ParsedOnceSqlParameters();
        String prepared = parsedOnce.prepareQuery(query, true, exchange);

        Iterator<?> item = parsedOnce.createPopulateIterator(query, prepared, 1, exchange, Map.of("a", 2));
        assertThat(item.next()).isEqualTo(2);
    }

    private static String statement(Resource file) throws IOException {
        // what the sql: endpoint prepares: :# turned into :? and comment lines dropped
        return SqlHelper.resolvePlaceholders(file.getContentAsString(StandardCharsets.UTF_8), "#");
    }

    /** An event-like body holding every plain name, and a distinct value for every Simple parameter. */
    private static Exchange exchangeWithEveryName(String query) {
        Exchange exchange = new DefaultExchange(camel);
        Map<String, Object> body = new HashMap<>();
        List<String> names = ParsedOnceSqlParameters.parameterNames(query);
        for (String name : names) {
            if (name.startsWith("${exchangeProperty.")) {
                exchange.setProperty(name.substring(19, name.length() - 1), "property " + name);
            } else if (name.startsWith("${header.")) {
                exchange.getMessage().setHeader(name.substring(9, name.length() - 1), "header " + name);
            } else if (name.startsWith("${variable.")) {
                exchange.setVariable(name.substring(11, name.length() - 1), "variable " + name);
            } else if (!name.startsWith("$")) {
                body.put(name, "body " + name);
            }
        }
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static List<Object> values(DefaultSqlPrepareStatementStrategy strategy, String query, String prepared,
            Exchange exchange) throws SQLException {
        List<Object> values = new ArrayList<>();
        strategy.createPopulateIterator(query, prepared, -1, exchange, exchange.getMessage().getBody())
                .forEachRemaining(values::add);
        return values;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String catchMessage(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
