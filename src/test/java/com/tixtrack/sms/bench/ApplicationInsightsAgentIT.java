package com.tixtrack.sms.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The Application Insights agent as the image attaches it in Azure: the Dockerfile's agent version and its
 * AGENT_JAVA_OPTS, on the packaged service, on this JVM (.ci/run runs it on Java 25 too, the image's runtime, where
 * agent 3.5.3 needs those options). The Terraform alerts read the app's Micrometer meters from customMetrics, so the
 * agent must forward sms_sent_total after a send, with the requests, to the ingestion endpoint: here a local one.
 */
class ApplicationInsightsAgentIT {

    private static final Pattern DOCKERFILE_ENV = Pattern.compile("AGENT_JAVA_OPTS=\"([^\"]*)\"");
    /** The counter the alerts read, with the send in it (the agent forwards each interval's increase). */
    private static final Pattern SENT = Pattern.compile("\"name\":\"sms_sent_total\",\"value\":[1-9]");
    private static final Pattern DOCKERFILE_VERSION = Pattern.compile("ARG APPINSIGHTS_AGENT_VERSION=(\\S+)");
    private static final String ADA_AT_THE_BLUE_ROOM =
            "{\"OrderId\":\"0d000000-0000-0000-0000-000000000001\",\"CustomerId\":\"c0000000-0000-0000-0000-000000000001\"}";

    @Test
    void theAgentForwardsTheSendCounterAndTheRequests() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(System.getProperty("appinsights.agent.version")).as("the pom's agent is the image's")
                .isEqualTo(group(DOCKERFILE_VERSION, dockerfile));
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("-javaagent:" + System.getProperty("appinsights.agent.jar"));
        jvmArgs.addAll(List.of(group(DOCKERFILE_ENV, dockerfile).split(" +")));

        WireMockServer ingestion = new WireMockServer(options().dynamicPort());
        ingestion.stubFor(post(anyUrl()).willReturn(okJson("{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}")));
        ingestion.start();
        Path data = Path.of("target/agent-it").toAbsolutePath();
        BenchmarkIT.deleteTree(data);
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        // the agent buffers unsent telemetry under java.io.tmpdir: a directory of this run's own
        jvmArgs.add("-Djava.io.tmpdir=" + tmp);
        String endpoint = ingestion.baseUrl() + "/";
        Map<String, String> env = Map.of(
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
                        + "IngestionEndpoint=" + endpoint + ";LiveEndpoint=" + endpoint,
                "APPLICATIONINSIGHTS_METRIC_INTERVAL_SECONDS", "5",
                // every request, not the default's 5 a second (the readiness polls before it would crowd it out)
                "APPLICATIONINSIGHTS_SAMPLING_PERCENTAGE", "100",
                "SMS_BROKER_TCP_PORT", String.valueOf(BenchmarkIT.freePort()));
        try (ServiceProcess service = ServiceProcess.start(data.resolve("service"), BenchmarkIT.freePort(), env,
                jvmArgs, Files.createDirectories(data).resolve("service.log"))) {
            HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(service.url("/admin/events/order-confirmation")))
                    .header("X-Api-Key", "local-admin-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ADA_AT_THE_BLUE_ROOM)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).as(published.body()).isEqualTo(202);

            // each batch the agent posts is JSON lines, one telemetry item each (WireMock un-gzips them)
            Awaitility.await("the send counted in sms_sent_total, and the admin request, at the ingestion endpoint")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String telemetry = ingestion.getAllServeEvents().stream()
                                .map(event -> event.getRequest().getBodyAsString()).collect(Collectors.joining("\n"));
                        Files.writeString(data.resolve("telemetry.jsonl"), telemetry); // what arrived, for a failure
                        return SENT.matcher(telemetry).find() && telemetry.lines().anyMatch(item ->
                                item.contains("\"RequestData\"") && item.contains("/admin/events/order-confirmation"));
                    });
        } finally {
            ingestion.stop();
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in the Dockerfile").isTrue();
        return matcher.group(1);
    }
}
