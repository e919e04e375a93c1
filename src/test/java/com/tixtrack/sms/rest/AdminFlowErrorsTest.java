package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin flows live in other route files with Camel's default error handling. Whatever they leave unhandled
 * still reaches the caller as a problem (not Camel's empty 500). Stands in a failing flow for
 * direct:dead-letter-list when the real one is not there.
 */
class AdminFlowErrorsTest extends RestApiTestSupport {

    @Autowired
    CamelContext camel;

    @Test
    void aFlowsOwnFailureStillAnswersAProblem() throws Exception {
        assumeTrue(camel.getRoutes().stream()
                .noneMatch(r -> r.getEndpoint().getEndpointUri().startsWith("direct://dead-letter-list")),
                "the real dead-letter-list flow is present");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dead-letter-list").routeId("test-failing-dead-letter-list")
                        .choice()
                            .when(header("reason").isEqualTo("boom"))
                                .throwException(new IllegalStateException("database at db-host:1433 is away"))
                            .otherwise()
                                .throwException(new IllegalArgumentException("page must be a number"));
            }
        });
        try {
            JsonNodeAssert.detail(assertProblem(get("/admin/dead-letters?page=x", ADMIN_KEY), 400),
                    "page must be a number");
            String detail = assertProblem(get("/admin/dead-letters?reason=boom", ADMIN_KEY), 500).get("detail").asText();
            assertThat(detail).contains("incident").doesNotContain("db-host");
        } finally {
            camel.getRouteController().stopRoute("test-failing-dead-letter-list");
            camel.removeRoute("test-failing-dead-letter-list");
        }
    }

    private static final class JsonNodeAssert {
        static void detail(com.fasterxml.jackson.databind.JsonNode problem, String expected) {
            assertThat(problem.get("detail").asText()).isEqualTo(expected);
        }
    }
}
