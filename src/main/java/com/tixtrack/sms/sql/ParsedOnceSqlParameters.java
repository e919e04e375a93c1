package com.tixtrack.sms.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlHelper;

/**
 * camel-sql's statement preparation, with each statement's named parameters parsed once instead of on every call.
 * <p>
 * The default strategy scans the statement text with regular expressions three times per call (to find the
 * parameters, to replace them with {@code ?}, to read their names), and evaluates every {@code :#${...}}
 * parameter on a copy of the exchange (a copy meant for batch mode). On the SMS flow that was 8% of the
 * consumers' samples (README: benchmark). Here the parsed statement and each parameter's Simple expression are kept per
 * statement text, and a {@code :#${...}} parameter is evaluated on the exchange itself, as it is only read.
 * <p>
 * The values are the same as the default's: a {@code :#name} parameter from the body map, then the headers, then
 * the variables, and a missing one fails the statement with camel-sql's own message. Statements with
 * {@code :#in:} lists, batch bodies and statements taken from the message body are left to the default.
 */
public class ParsedOnceSqlParameters extends DefaultSqlPrepareStatementStrategy {

    /** Statements from the message body would fill the cache without end: past this many, parse per call. */
    private static final int MAX_STATEMENTS = 256;

    private static final String MISSING_PARAMETER
            = "Cannot find key [%s] in message body or headers to use when setting named parameter in query [%s]";

    private record Parameter(String name, Expression simple) { }

    private record Statement(String prepared, List<Parameter> parameters) { }

    private final Map<String, Statement> statements = new ConcurrentHashMap<>();

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) throws SQLException {
        Statement statement = allowNamedParameters ? parsed(query, exchange) : null;
        return statement != null ? statement.prepared() : super.prepareQuery(query, allowNamedParameters, exchange);
    }

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams, Exchange exchange,
            Object value) throws SQLException {
        Statement statement = statements.get(query);
        // a batch item, or parameters from a header, are not the body the parameters are read from below
        if (statement == null || statement.parameters().isEmpty() || value != exchange.getMessage().getBody()) {
            return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, value);
        }
        List<Object> values = new ArrayList<>(statement.parameters().size());
        for (Parameter parameter : statement.parameters()) {
            if (parameter.simple() != null) {
                values.add(parameter.simple().evaluate(exchange, Object.class));
            } else if (SqlHelper.hasParameter(parameter.name(), exchange, value)) {
                values.add(SqlHelper.lookupParameter(parameter.name(), exchange, value));
            } else {
                throw new RuntimeExchangeException(String.format(MISSING_PARAMETER, parameter.name(), query), exchange);
            }
        }
        return values.iterator();
    }

    /** The statement parsed, from the cache or now; null when it is one the default strategy must handle. */
    private Statement parsed(String query, Exchange exchange) throws SQLException {
        Statement statement = statements.get(query);
        if (statement != null || exchange == null || statements.size() >= MAX_STATEMENTS) {
            return statement;
        }
        List<String> names = parameterNames(query);
        if (names == null) {
            return null;
        }
        List<Parameter> parameters = new ArrayList<>(names.size());
        for (String name : names) {
            boolean simple = name.startsWith("${") || name.startsWith("$simple{");
            parameters.add(new Parameter(name,
                    simple ? exchange.getContext().resolveLanguage("simple").createExpression(name) : null));
        }
        statement = new Statement(super.prepareQuery(query, true, exchange), List.copyOf(parameters));
        statements.putIfAbsent(query, statement);
        return statement;
    }

    /**
     * The named parameters in order, as camel-sql names them (the endpoint has turned {@code :#} into {@code :?}):
     * {@code :?word}, {@code :?${...}} or {@code :?$simple{...}} with nested braces; null for an {@code :?in:} list.
     */
    static List<String> parameterNames(String query) {
        List<String> names = new ArrayList<>();
        int at = query.indexOf(":?");
        while (at >= 0) {
            int start = at + 2;
            int end;
            if (query.startsWith("in:", start)) {
                return null;
            } else if (query.startsWith("${", start) || query.startsWith("$simple{", start)) {
                end = closingBrace(query, query.indexOf('{', start)) + 1;
                if (end == 0) {
                    return null;
                }
            } else {
                end = start;
                while (end < query.length() && isWordChar(query.charAt(end))) {
                    end++;
                }
            }
            if (end > start) {
                names.add(query.substring(start, end));
            }
            at = query.indexOf(":?", Math.max(end, start));
        }
        return names;
    }

    /** A word character of a regular expression (\w), as camel-sql matches names. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
