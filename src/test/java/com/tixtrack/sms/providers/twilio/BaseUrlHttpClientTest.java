package com.tixtrack.sms.providers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;

/**
 * The Twilio client's connection pool against a server that closes idle keep-alive connections (as Twilio's
 * edge does): a send after a quiet spell must get a fresh connection, not fail on the closed one. That failure
 * comes after the request was written, so the flow would have to treat the send as unclear and hold the event
 * until the provider's list settles (about a minute) before it may send. It fails if the pool's check of idle
 * connections (ProviderConnections) is turned off or made longer than the quiet spell.
 */
class BaseUrlHttpClientTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().jettyIdleTimeout(300L));

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM1\", \"status\": \"queued\"}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aSendAfterTheServerClosedTheIdleConnectionGoesThroughOnAFreshOne() {
        BaseUrlHttpClient client = new BaseUrlHttpClient(server.baseUrl(), 2000, 5000, 4);

        assertThat(client.makeRequest(send()).getStatusCode()).isEqualTo(201);
        // longer than the server's idle timeout: it has closed the pooled connection by now
        Awaitility.await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> true);

        assertThat(client.makeRequest(send()).getStatusCode()).isEqualTo(201);
        server.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    private static Request send() {
        Request request = new Request(HttpMethod.POST, "https://api.twilio.com" + MESSAGES);
        request.setAuth("ACtest", "token");
        request.addPostParam("To", "+15005550006");
        request.addPostParam("Body", "hello");
        return request;
    }
}
