package com.tixtrack.sms.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.RestClientRequestValidator;
import org.apache.camel.support.processor.DefaultRestClientRequestValidator;
import org.springframework.stereotype.Component;

/**
 * The REST DSL's client request validation (Content-Type, Accept, required and allowed parameters, well-formed
 * JSON) with Camel's own rules, answering with an RFC 9457 problem body instead of Camel's plain text. Camel picks
 * it up as the only {@link RestClientRequestValidator} in the registry.
 */
@Component
public class ProblemRequestValidator implements RestClientRequestValidator {

    private final DefaultRestClientRequestValidator rules = new DefaultRestClientRequestValidator();

    @Override
    public ValidationError validate(Exchange exchange, ValidationContext context) {
        ValidationError error = rules.validate(exchange, context);
        if (error == null) {
            return null;
        }
        String detail = switch (error.statusCode()) {
            case 415 -> "Content-Type must be " + context.consumes();
            case 406 -> "Accept must allow " + context.produces();
            default -> "Invalid JSon payload.".equals(error.body()) ? "the body is not valid JSON"
                    : error.body() != null ? error.body() : "the request is not valid for this operation";
        };
        Message message = exchange.getMessage();
        String instance = message.getHeader(Exchange.HTTP_URI, String.class);
        // the route stops here: drop the request's headers so none is echoed back as a response header
        message.getHeaders().entrySet().removeIf(h -> !h.getKey().startsWith("Camel"));
        message.setHeader(Exchange.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
        return new ValidationError(error.statusCode(), ProblemJson.render(error.statusCode(), detail, instance));
    }
}
