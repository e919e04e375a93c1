package com.tixtrack.sms.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.language.bean.BeanExpression;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Simple's [key] reads give what Camel's own bean language gives, for every read in the routes and the edge cases. */
class DirectIndexBeanLanguageTest {

    /** A Simple read with [...] steps, as the routes write them: body[k], variable.v[k], header.h[0][k]. */
    private static final Pattern INDEX_READ = Pattern.compile(
            "\\$\\{((body|(?:variable|header|exchangeProperty)\\.\\w+)((?:\\[[^\\[\\]$]+\\])+))}");
    private static final Pattern STEP = Pattern.compile("\\[([^\\]]+)\\]");

    private static CamelContext camelsOwn;
    private static CamelContext direct;

    @BeforeAll
    static void startCamel() {
        camelsOwn = new DefaultCamelContext();
        camelsOwn.start();
        direct = new DefaultCamelContext();
        direct.getRegistry().bind("bean-language", new DirectIndexBeanLanguage());
        direct.start();
        assertThat(direct.resolveLanguage("bean")).isInstanceOf(DirectIndexBeanLanguage.class);
    }

    @AfterAll
    static void stopCamel() {
        camelsOwn.stop();
        direct.stop();
    }

    @Test
    void everyIndexReadOfTheRoutesReadsWhatCamelReads() throws Exception {
        Set<String> reads = indexReadsOfTheRoutes();
        assertThat(reads).contains("body[phoneNumber]", "variable.rendered[text]", "header.venueNumbers[0][Provider]")
                .hasSizeGreaterThan(25);
        for (String read : reads) {
            Matcher m = INDEX_READ.matcher("${" + read + "}");
            assertThat(m.matches()).isTrue();
            List<String> keys = new ArrayList<>();
            for (Matcher step = STEP.matcher(m.group(3)); step.find(); ) {
                keys.add(step.group(1));
            }
            String root = m.group(2);
            // the value the routes expect, a key left out at each depth, and the first step on a missing value
            sameAsCamel("${" + read + "}", exchange -> put(exchange, root, nested(keys, 0, "value of " + read)));
            for (int depth = 0; depth < keys.size(); depth++) {
                List<String> others = new ArrayList<>(keys);
                others.set(depth, "other");
                sameAsCamel("${" + read + "}", exchange -> put(exchange, root, nested(others, 0, "x")));
            }
            sameAsCamel("${" + read + "} == null", exchange -> put(exchange, root, new HashMap<>()));
        }
    }

    @Test
    void edgeCasesGoToCamelsOwnWithItsResultsAndErrors() {
        Map<String, Object> numbers = new HashMap<>(Map.of("Provider", "twilio", "007", "bond"));
        List<Object> list = new ArrayList<>(List.of(numbers, "second"));
        Consumer<Exchange> data = exchange -> {
            exchange.getMessage().setBody(new HashMap<>(Map.of("phoneNumber", "+447700900123", "numbers", list)));
            exchange.setVariable("list", list);
            exchange.setVariable("map", numbers);
            exchange.getMessage().setHeader("key", "Provider");
        };
        for (String simple : List.of(
                "${variable.list[0][Provider]}", "${variable.list[1]}", "${variable.list[ 1 ]}",
                "${variable.list[2]}", "${variable.list[-1]}", "${variable.list[last]}", "${variable.list[x]}",
                "${variable.list[1][Provider]}", "${variable.list[0][missing][deeper]}",
                "${variable.map['Provider']}", "${variable.map[007]}", "${variable.map[7]}",
                "${variable.map[${header.key}]}", "${variable.map?.get('Provider')}", "${variable.map.size()}",
                "${body[numbers][0][Provider]}", "${body[phoneNumber].length()}", "${body[numbers].isEmpty()}",
                "${variable.missing[Provider]}", "${header.key[0]}")) {
            sameAsCamel(simple, data);
        }
    }

    @Test
    void readsKeysDirectlyAndLeavesTheRestToCamelsOwn() {
        DirectIndexBeanLanguage language = new DirectIndexBeanLanguage();
        language.setCamelContext(direct);
        Map<String, Object> map = Map.of("text", "hi");

        assertThat(language.createExpression(null, new Object[] { null, map, "[text]" }))
                .isNotInstanceOf(BeanExpression.class);
        assertThat(language.createExpression(null, new Object[] { null, List.of(map), "[0][text]" }))
                .isNotInstanceOf(BeanExpression.class);
        for (String notOnlyIndexes : List.of("[text].length()", "isEmpty()", "?.get('text')", "[${header.k}]", "[]")) {
            assertThat(language.createExpression(null, new Object[] { null, map, notOnlyIndexes }))
                    .as(notOnlyIndexes).isInstanceOf(BeanExpression.class);
        }
        assertThat(language.createExpression(null, new Object[] { null, "text", "[0]" }))
                .isInstanceOf(BeanExpression.class);
    }

    private static void sameAsCamel(String simple, Consumer<Exchange> data) {
        assertThat(outcome(direct, simple, data)).as(simple).isEqualTo(outcome(camelsOwn, simple, data));
    }

    /** The value, or the kind of failure (the messages name the exchange, which differs between the two). */
    private static Object outcome(CamelContext camel, String simple, Consumer<Exchange> data) {
        Exchange exchange = new DefaultExchange(camel);
        data.accept(exchange);
        try {
            Expression expression = camel.resolveLanguage("simple").createExpression(simple);
            expression.init(camel);
            return String.valueOf(expression.evaluate(exchange, Object.class));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return e.getClass().getName() + " caused by " + cause.getClass().getName();
        }
    }

    private static Object nested(List<String> keys, int at, Object leaf) {
        if (at == keys.size()) {
            return leaf;
        }
        String key = keys.get(at);
        if (key.chars().allMatch(Character::isDigit)) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i <= Integer.parseInt(key); i++) {
                list.add(nested(keys, at + 1, leaf));
            }
            return list;
        }
        Map<String, Object> map = new HashMap<>();
        map.put(key, nested(keys, at + 1, leaf));
        return map;
    }

    private static void put(Exchange exchange, String root, Object value) {
        String name = root.substring(root.indexOf('.') + 1);
        if (root.equals("body")) {
            exchange.getMessage().setBody(value);
        } else if (root.startsWith("variable.")) {
            exchange.setVariable(name, value);
        } else if (root.startsWith("header.")) {
            exchange.getMessage().setHeader(name, value);
        } else {
            exchange.setProperty(name, value);
        }
    }

    private static Set<String> indexReadsOfTheRoutes() throws Exception {
        Set<String> reads = new LinkedHashSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.yaml")) {
            Matcher m = INDEX_READ.matcher(file.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                reads.add(m.group(1));
            }
        }
        return reads;
    }
}
