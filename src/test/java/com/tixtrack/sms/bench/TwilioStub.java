package com.tixtrack.sms.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.simulator.TwilioSimulator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A Twilio Messages API on WireMock for the benchmark and the fault-injection suite: creates messages (after a
 * configurable latency), lists them by To and From like Twilio (how the service checks an unclear send), and
 * counts what it accepted per recipient, the figure "one SMS per sent order" is checked against. A fault mode
 * makes it fail the way real providers do: 500s, 429s, connection resets, or answers too late (after taking the
 * message).
 */
public final class TwilioStub implements AutoCloseable {

    public enum Mode { OK, HTTP_500, HTTP_429, RESET, TOO_SLOW }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Queue<Map<String, Object>>> byRecipient = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile Mode mode = Mode.OK;
    private volatile int latencyMs;
    private volatile int tooSlowMs = 3000;
    private final WireMockServer server;

    public TwilioStub(boolean keepJournal) {
        var options = options().dynamicPort().containerThreads(64).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16).extensions(new Messages());
        if (!keepJournal) {
            options.disableRequestJournal();
        }
        server = new WireMockServer(options);
        server.start();
        server.stubFor(any(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .willReturn(aResponse().withTransformers("twilio-messages")));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void latencyMs(int latency) {
        this.latencyMs = latency;
    }

    /** How long a TOO_SLOW answer takes: longer than the service's response timeout. */
    public void tooSlowMs(int delay) {
        this.tooSlowMs = delay;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    /** How many messages the stub took for this recipient. */
    public int sentTo(String phone) {
        Queue<Map<String, Object>> sent = byRecipient.get(phone);
        return sent == null ? 0 : sent.size();
    }

    public Map<String, Integer> sentPerRecipient() {
        Map<String, Integer> counts = new HashMap<>();
        byRecipient.forEach((phone, sent) -> counts.put(phone, sent.size()));
        return counts;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Messages implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "twilio-messages";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            String account = request.getUrl().split("/")[3];
            try {
                return "POST".equals(request.getMethod().getName()) ? create(account, form(request.getBodyAsString()))
                        : list(account, form(request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : ""));
            } catch (Exception e) {
                return aResponse().withStatus(500).withBody(e.toString()).build();
            }
        }

        private ResponseDefinition create(String account, Map<String, String> form) throws Exception {
            Mode now = mode;
            switch (now) {
                case HTTP_500, HTTP_429 -> {
                    refused.incrementAndGet();
                    int status = now == Mode.HTTP_500 ? 500 : 429;
                    return json(aResponse().withStatus(status).withFixedDelay(latencyMs),
                            Map.of("code", status == 500 ? 20500 : 20429, "message", "stub says " + status, "status", status));
                }
                case RESET -> {
                    refused.incrementAndGet();
                    return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                }
                default -> { }
            }
            Map<String, Object> message = TwilioSimulator.message(account, form.get("To"), form.get("From"), form.get("Body"));
            byRecipient.computeIfAbsent(form.get("To"), k -> new ConcurrentLinkedQueue<>()).add(message);
            accepted.incrementAndGet();
            return json(aResponse().withStatus(201).withFixedDelay(now == Mode.TOO_SLOW ? tooSlowMs : latencyMs), message);
        }

        private ResponseDefinition list(String account, Map<String, String> query) throws Exception {
            String to = query.get("To");
            String from = query.get("From");
            List<Map<String, Object>> messages = byRecipient.getOrDefault(to, new ConcurrentLinkedQueue<>()).stream()
                    .filter(m -> from == null || from.equals(m.get("from"))).limit(50).toList();
            Map<String, Object> page = TwilioSimulator.page("/2010-04-01/Accounts/" + account + "/Messages.json",
                    "messages", messages);
            return json(aResponse().withStatus(200), page);
        }

        private ResponseDefinition json(ResponseDefinitionBuilder response, Object body) throws Exception {
            return response.withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body)).build();
        }

        private Map<String, String> form(String encoded) {
            Map<String, String> form = new HashMap<>();
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }
    }
}
