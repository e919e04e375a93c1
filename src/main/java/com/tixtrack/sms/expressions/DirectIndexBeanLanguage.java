package com.tixtrack.sms.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.language.bean.BeanLanguage;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.util.KeyValueHolder;
import org.apache.camel.util.OgnlHelper;
import org.apache.camel.util.StringHelper;

/**
 * Camel's bean language, with Simple's map and list reads ({@code ${body[phoneNumber]}},
 * {@code ${variable.rendered[text]}}, {@code ${header.venueNumbers[0][Provider]}}) done as plain {@code get} calls.
 * <p>
 * Simple hands every {@code [key]} read to the bean language, which builds a bean expression for it, copies the
 * exchange to call it on, and parses the key again, on every evaluation. The SMS flow makes about twenty such reads
 * per event, 9% of the consumers' samples (README: benchmark). Here a read whose every step is a {@code Map} key or
 * an in-range {@code List} index is a {@code get} per step, with the keys parsed once per expression text.
 * <p>
 * Anything else goes to Camel's own bean expression, with its own results and errors: method calls, null-safe
 * {@code ?.} steps, {@code last} indexes, nested {@code ${...}} keys, a step on a value that is neither a map nor a
 * list, a missing intermediate value or an index out of range.
 */
public class DirectIndexBeanLanguage extends BeanLanguage {

    /** OGNL texts come from the routes, a fixed set: past this many (generated ones), parse per call. */
    private static final int MAX_PATHS = 256;

    /** One {@code [...]} step: the key as Camel looks it up in a map, and as a list index when it is a number. */
    private record Step(String key, int index) { }

    /** Marks an OGNL text that is not only index steps, so it is not parsed again. */
    private static final Step[] NOT_AN_INDEX_PATH = {};

    private final Map<String, Step[]> paths = new ConcurrentHashMap<>();

    @Override
    public Expression createExpression(String expression, Object[] properties) {
        Object bean = properties != null && properties.length > 2 ? properties[1] : null;
        if ((bean instanceof Map || bean instanceof List) && properties[2] instanceof String ognl) {
            Step[] steps = steps(ognl);
            if (steps != NOT_AN_INDEX_PATH) {
                return new IndexRead(bean, steps, () -> super.createExpression(expression, properties));
            }
        }
        return super.createExpression(expression, properties);
    }

    /** The steps of an OGNL text made only of {@code [...]} steps, else {@link #NOT_AN_INDEX_PATH}. */
    private Step[] steps(String ognl) {
        Step[] steps = paths.get(ognl);
        if (steps == null) {
            steps = parse(ognl);
            if (paths.size() < MAX_PATHS) {
                paths.put(ognl, steps);
            }
        }
        return steps;
    }

    private static Step[] parse(String ognl) {
        if (ognl.isEmpty() || ognl.contains("${") || ognl.contains("?")) {
            return NOT_AN_INDEX_PATH;
        }
        List<Step> steps = new ArrayList<>();
        for (String part : OgnlHelper.splitOgnl(ognl)) {
            // Camel's own parsing: a pure index step has no method name before its [...]
            KeyValueHolder<String, String> index = OgnlHelper.isOgnlIndex(part);
            if (index == null || index.getKey() != null || index.getValue() == null) {
                return NOT_AN_INDEX_PATH;
            }
            String key = StringHelper.removeLeadingAndEndingQuotes(index.getValue().trim());
            boolean number = !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
            steps.add(new Step(key, number ? Integer.parseInt(key) : -1));
        }
        return steps.isEmpty() ? NOT_AN_INDEX_PATH : steps.toArray(Step[]::new);
    }

    /** One read: {@code get} per step while it can, else Camel's own bean expression for the whole path. */
    private static final class IndexRead extends ExpressionAdapter {
        private final Object bean;
        private final Step[] steps;
        private final Supplier<Expression> camelsOwn;

        IndexRead(Object bean, Step[] steps, Supplier<Expression> camelsOwn) {
            this.bean = bean;
            this.steps = steps;
            this.camelsOwn = camelsOwn;
        }

        @Override
        public Object evaluate(Exchange exchange) {
            Object value = bean;
            for (int i = 0; i < steps.length; i++) {
                Step step = steps[i];
                if (value instanceof Map<?, ?> map) {
                    value = map.get(step.key());
                } else if (value instanceof List<?> list && step.index() >= 0 && step.index() < list.size()) {
                    value = list.get(step.index());
                } else {
                    return camelsOwn(exchange);
                }
                if (value == null && i < steps.length - 1) {
                    return camelsOwn(exchange);
                }
            }
            return value;
        }

        private Object camelsOwn(Exchange exchange) {
            Expression expression = camelsOwn.get();
            expression.init(exchange.getContext());
            return expression.evaluate(exchange, Object.class);
        }
    }
}
