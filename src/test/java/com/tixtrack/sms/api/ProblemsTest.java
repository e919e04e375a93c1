package com.tixtrack.sms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.tixtrack.sms.phone.PhoneNumbers;

class ProblemsTest {

    static List<Arguments> exceptions() {
        return List.of(
                Arguments.of(ProblemException.notFound("no such record"), 404, "no such record"),
                Arguments.of(new SignatureRejectedException("bad signature"), 403, "bad signature"),
                Arguments.of(new PhoneNumbers.InvalidPhoneNumberException("phone number +****0101 is not valid"), 400,
                        "+****0101"),
                Arguments.of(new IllegalArgumentException("say which dead letters to replay"), 400, "say which"),
                Arguments.of(new RuntimeBeanExpressionException(null, "messageTemplates", "preview",
                        new IllegalArgumentException("no template")),
                        400, "no template"),
                Arguments.of(new JsonParseException(null, "Unexpected character"), 400, "not JSON"),
                Arguments.of(new DirectConsumerNotAvailableException("none", null), 501, "not implemented"),
                Arguments.of(new IllegalStateException("connection pool exhausted at db-host:1433"), 500, "incident"));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void exceptionsBecomeProblemsWithTheRightStatus(Exception caught, int status, String detail) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, "/api/consent/1/+14155550101");

        new Problems().fromException(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(status);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        String body = exchange.getMessage().getBody(String.class);
        assertThat(body).contains("\"status\":" + status).contains(detail)
                .contains("\"instance\":\"/api/consent/1/****0101\"");
        if (status == 500) {
            assertThat(body).as("no internals in a 500").doesNotContain("db-host").doesNotContain("Exception");
        }
    }
}
