package com.tixtrack.sms.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.tixtrack.sms.SmsNotificationApplication;

/** A route file with a syntax error stops start-up, and the error names the file. */
class BrokenRouteFileTest {

    @TempDir
    Path operatorDir;

    @Test
    void startupFailsNamingTheBrokenFile() throws Exception {
        Files.writeString(operatorDir.resolve("broken-route.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - setBody: [unclosed
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(SmsNotificationApplication.class)
                .profiles("test")
                .properties("server.port=0").run("--sms.routes.extra-location=" + operatorDir).close())
                .satisfies(error -> assertThat(fullMessage(error)).contains("broken-route.camel.yaml"));
    }

    @Test
    void missingOperatorDirectoryFailsWithAClearMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SmsNotificationApplication.class)
                .profiles("test")
                .properties("server.port=0").run("--sms.routes.extra-location=" + operatorDir.resolve("nope")).close())
                .satisfies(error -> assertThat(fullMessage(error)).contains("sms.routes.extra-location")
                        .contains("is not a directory"));
    }

    private static String fullMessage(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
