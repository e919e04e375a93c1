package com.tixtrack.sms.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routes dropped into the operator directory (sms.routes.extra-location) load at start and run. */
@SpringBootTest
@ActiveProfiles("test")
class OperatorRoutesTest {

    static Path operatorDir;

    @DynamicPropertySource
    static void operatorDirectory(DynamicPropertyRegistry registry) throws IOException {
        operatorDir = Files.createTempDirectory("operator-routes");
        Files.writeString(operatorDir.resolve("greeting.camel.yaml"), """
                - route:
                    id: operator-greeting
                    description: A route an operator added without rebuilding
                    from:
                      uri: direct:operator-greeting
                      steps:
                        - setBody:
                            simple: "hello ${body} from yaml"
                """);
        Files.writeString(operatorDir.resolve("shout.xml"), """
                <routes xmlns="http://camel.apache.org/schema/spring">
                  <route id="operator-shout" description="An XML route an operator added">
                    <from uri="direct:operator-shout"/>
                    <setBody><simple>${body.toUpperCase()} from xml</simple></setBody>
                  </route>
                </routes>
                """);
        registry.add("sms.routes.extra-location", operatorDir::toString);
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void yamlRouteFromOperatorDirectoryRuns() {
        assertThat(camel.getRoute("operator-greeting")).isNotNull();
        assertThat(producer.requestBody("direct:operator-greeting", "ops", String.class)).isEqualTo("hello ops from yaml");
    }

    @Test
    void xmlRouteFromOperatorDirectoryRuns() {
        assertThat(camel.getRoute("operator-shout")).isNotNull();
        assertThat(producer.requestBody("direct:operator-shout", "ops", String.class)).isEqualTo("OPS from xml");
    }
}
