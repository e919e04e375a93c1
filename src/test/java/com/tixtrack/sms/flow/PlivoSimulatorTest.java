package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tixtrack.sms.providers.TransientProviderException;
import com.tixtrack.sms.providers.plivo.PlivoGateway;
import com.tixtrack.sms.providers.plivo.PlivoProperties;
import com.tixtrack.sms.simulator.PlivoSimulator;

/**
 * The real Plivo adapter against the built-in Plivo simulator (the local default's path): accepted messages,
 * the test numbers' refusals mapped to the same names as Twilio's, provisioning, and signed status callbacks.
 */
class PlivoSimulatorTest extends FlowTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    PlivoProperties configured;

    @Autowired
    PlivoSimulator simulator;

    @Autowired
    ObjectMapper json;

    @Test
    void adapterAndSimulatorSpeakTheSameApi() {
        PlivoGateway gateway = gateway(configured.getAuthToken());
        PLIVO.stubFor(post(urlEqualTo("/plivo-status")).willReturn(aResponse().withStatus(200)));

        Map<String, Object> accepted = gateway.send("+14155550101", "+15005550006", "Hello", PLIVO.baseUrl() + "/plivo-status");

        assertThat(accepted).containsEntry("accepted", true);
        assertThat(accepted.get("providerMessageId").toString()).hasSize(36);
        eventually().until(() -> PLIVO.findAll(postRequestedFor(urlEqualTo("/plivo-status"))).size() == 2);
        LoggedRequest delivered = PLIVO.findAll(postRequestedFor(urlEqualTo("/plivo-status"))).get(1);
        Map<String, List<String>> form = form(delivered.getBodyAsString());
        assertThat(form.get("Status")).containsExactly("delivered");
        assertThat(form.get("MessageUUID")).containsExactly(accepted.get("providerMessageId").toString());
        assertThat(form.get("To")).containsExactly("14155550101");
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>(form);
        assertThat(delivered.getHeader("X-Plivo-Signature-V3")).isEqualTo(simulator.signV3(PLIVO.baseUrl() + "/plivo-status",
                params, delivered.getHeader("X-Plivo-Signature-V3-Nonce")));
    }

    @Test
    void testNumbersAreRefusedWithTheSameNamesAsOnTwilio() {
        PlivoGateway gateway = gateway(configured.getAuthToken());

        assertThat(gateway.send("+15005550001", "+15005550006", "x", null))
                .containsEntry("error", "INVALID_NUMBER").containsEntry("rawCode", "50");
        assertThat(gateway.send("+15005550009", "+15005550006", "x", null))
                .containsEntry("error", "NOT_MOBILE").containsEntry("rawCode", "70");
        assertThat(gateway.send("+15005550004", "+15005550006", "x", null))
                .containsEntry("error", "OPTED_OUT").containsEntry("rawCode", "200");
    }

    @Test
    void wrongCredentialsAreATransientAuthFailure() {
        assertThatThrownBy(() -> gateway("wrong-token").send("+14155550101", "+15005550006", "x", null))
                .isInstanceOf(TransientProviderException.class)
                .satisfies(e -> assertThat(((TransientProviderException) e).getError()).isEqualTo("AUTH_FAILED"));
    }

    @Test
    void buysAndReleasesANumber() {
        PlivoGateway gateway = gateway(configured.getAuthToken());

        Map<String, Object> bought = gateway.buyNumber("US");

        assertThat(bought.get("phoneNumber").toString()).startsWith("+1415555");
        assertThat(bought).containsEntry("provider", "plivo");
        gateway.releaseNumber(bought.get("providerId").toString());
    }

    /** A second Plivo adapter pointed at this service's own simulator (the context's one points at WireMock). */
    private PlivoGateway gateway(String authToken) {
        PlivoProperties properties = new PlivoProperties();
        properties.setAuthId(configured.getAuthId());
        properties.setAuthToken(authToken);
        properties.setBaseUrl("http://localhost:" + port + "/simulator/plivo");
        properties.setErrors(configured.getErrors());
        properties.setErrorTexts(configured.getErrorTexts());
        return new PlivoGateway(properties, new MockEnvironment(), json);
    }

    private static Map<String, List<String>> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(p -> decode(p[0]), LinkedHashMap::new,
                        Collectors.mapping(p -> p.length > 1 ? decode(p[1]) : "", Collectors.toList())));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
