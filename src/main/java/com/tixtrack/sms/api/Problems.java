package com.tixtrack.sms.api;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.processor.idempotent.NoMessageIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tixtrack.sms.phone.PhoneNumbers.InvalidPhoneNumberException;

/**
 * Turns what went wrong in a REST route into an RFC 9457 problem response. Called from the shared
 * {@code rest-api-errors} route configuration as {@code bean:problems?method=fromException}: the caller's mistakes
 * become 4xx with a detail that says what to fix; anything else is logged here and answered with a 500 that shows
 * no stack trace.
 *
 * <p>4xx: {@link ProblemException} (its status), an invalid phone number, {@link IllegalArgumentException},
 * unreadable JSON and the {@link #CLIENT_ERRORS} of other flows (400), a webhook without a message id (400); an
 * admin operation whose flow does not exist yet is a 501. Messages of these exceptions are returned: they must not carry a full phone number, key or token.
 */
@Component("problems")
public class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /**
     * Exceptions of other flows that mean "what you sent is invalid", by name because they belong to those flows:
     * the event flow's InvalidEventException, e.g. for an event posted to /admin/events/{messageType}.
     */
    static final Set<String> CLIENT_ERRORS = Set.of("com.tixtrack.sms.events.InvalidEventException");

    /** The caught exception as a problem body, status and content type on the exchange's message. */
    public void fromException(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // a bean or expression call wraps what the bean threw; type conversion wraps the parse error
        while (caught instanceof RuntimeCamelException && caught.getCause() != null) {
            caught = caught.getCause();
        }
        int status;
        String detail;
        if (caught instanceof ProblemException problem) {
            status = problem.status();
            detail = problem.getMessage();
        } else if (caught instanceof InvalidPhoneNumberException invalid) {
            status = 400;
            detail = invalid.getMessage();
        } else if (caught != null && CLIENT_ERRORS.contains(caught.getClass().getName())) {
            status = 400;
            detail = caught.getMessage();
        } else if (caught instanceof IllegalArgumentException invalid) {
            // the flows' idiom for "this request cannot be served as asked" (admin flows, bean checks)
            status = 400;
            detail = invalid.getMessage() != null ? invalid.getMessage() : "the request is not valid";
        } else if (caught instanceof JsonProcessingException) {
            status = 400;
            detail = "the body is not JSON of the shape this operation takes";
        } else if (caught instanceof NoMessageIdException) {
            status = 400;
            detail = "the request has no message id (MessageSid / MessageUUID)";
        } else if (caught instanceof DirectConsumerNotAvailableException) {
            status = 501;
            detail = "this operation is declared but not implemented yet";
        } else {
            // letters only, so the log's phone-number masking leaves it readable
            String incident = ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            status = 500;
            detail = "internal error; the service logged it as incident " + incident;
            LOG.error("Unexpected error in route {}, incident {}", exchange.getFromRouteId(), incident, caught);
        }
        if (status >= 400 && status < 500) {
            LOG.info("{} {} rejected with {}: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    ProblemJson.maskPath(String.valueOf(exchange.getMessage().getHeader(Exchange.HTTP_URI))), status,
                    detail);
        }
        write(exchange, status, detail);
    }

    /** A problem response with the given status and detail. */
    public void write(Exchange exchange, int status, String detail) {
        String instance = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        exchange.getMessage().setBody(ProblemJson.render(status, detail, instance));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
    }
}
