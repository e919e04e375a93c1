package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tixtrack.sms.providers.AmbiguousProviderException;
import com.tixtrack.sms.providers.TransientProviderException;

/**
 * The provider contract (docs/providers.md), run against every adapter route: the same input headers give the
 * same normalised output, whichever provider answers. Each provider is driven by its own wire format (WireMock
 * Twilio: form + error codes; WireMock Plivo: JSON + error texts), the assertions are the same for both.
 */
class ProviderContractTest extends FlowTestSupport {

    private static final String FROM = "+15005550006";
    private static final String TEXT = "Hi Ada, your order T-1 is confirmed. Reply STOP to opt out.";
    private static final String CALLBACK = "https://sms.example.com/webhook/%s/status";
    private static final AtomicInteger PHONES = new AtomicInteger(100);

    /** One provider's wire format: how it accepts, refuses, fails and times out, and what it received. */
    enum Adapter {
        TWILIO("twilio") {
            MappingBuilder to(String phone) {
                return messagesTo(phone);
            }

            ResponseDefinitionBuilder accepted(String id) {
                return created(id);
            }

            ResponseDefinitionBuilder refusal(String error) {
                return switch (error) {
                    case "INVALID_NUMBER" -> twilioError(400, 21211);
                    case "NOT_MOBILE" -> twilioError(400, 21614);
                    case "OPTED_OUT" -> twilioError(400, 21610);
                    case "RATE_LIMITED" -> twilioError(429, 20429);
                    case "AUTH_FAILED" -> twilioError(401, 20003);
                    default -> twilioError(503, 20500);
                };
            }

            String rawCode(String error) {
                return Map.of("INVALID_NUMBER", "21211", "NOT_MOBILE", "21614", "OPTED_OUT", "21610").get(error);
            }

            List<LoggedRequest> received(FlowTestSupport flow, String phone) {
                return flow.smsSentTo(phone);
            }

            void assertRequest(LoggedRequest request, String phone) {
                String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
                assertThat(form).contains("To=" + phone).contains("From=" + FROM).contains("Body=" + TEXT)
                        .contains("StatusCallback=" + CALLBACK.formatted("twilio"));
            }
        },
        PLIVO("plivo") {
            MappingBuilder to(String phone) {
                return plivoMessagesTo(phone);
            }

            ResponseDefinitionBuilder accepted(String id) {
                return plivoQueued(id);
            }

            ResponseDefinitionBuilder refusal(String error) {
                return switch (error) {
                    case "INVALID_NUMBER" -> plivoError(400, "invalid destination number");
                    case "NOT_MOBILE" -> plivoError(400, "destination number is not sms-enabled (landline)");
                    case "OPTED_OUT" -> plivoError(400, "destination number has opted out (blocked by STOP)");
                    case "RATE_LIMITED" -> plivoError(429, "too many requests");
                    case "AUTH_FAILED" -> aResponse().withStatus(401).withBody("Could not verify your access level for that URL.");
                    default -> plivoError(503, "service unavailable");
                };
            }

            String rawCode(String error) {
                return Map.of("INVALID_NUMBER", "50", "NOT_MOBILE", "70", "OPTED_OUT", "200").get(error);
            }

            List<LoggedRequest> received(FlowTestSupport flow, String phone) {
                return flow.plivoSentTo(phone);
            }

            void assertRequest(LoggedRequest request, String phone) {
                JsonNode json = read(request.getBodyAsString());
                assertThat(json.path("dst").asText()).isEqualTo(phone.substring(1));
                assertThat(json.path("src").asText()).isEqualTo(FROM.substring(1));
                assertThat(json.path("text").asText()).isEqualTo(TEXT);
                assertThat(json.path("url").asText()).isEqualTo(CALLBACK.formatted("plivo"));
                assertThat(request.getHeader("Authorization")).startsWith("Basic ");
            }
        };

        final String provider;

        Adapter(String provider) {
            this.provider = provider;
        }

        abstract MappingBuilder to(String phone);

        abstract ResponseDefinitionBuilder accepted(String id);

        abstract ResponseDefinitionBuilder refusal(String error);

        abstract String rawCode(String error);

        abstract List<LoggedRequest> received(FlowTestSupport flow, String phone);

        abstract void assertRequest(LoggedRequest request, String phone);

        void stub(String phone, ResponseDefinitionBuilder answer) {
            (this == TWILIO ? FlowTestSupport.TWILIO : FlowTestSupport.PLIVO).stubFor(to(phone).willReturn(answer));
        }
    }

    @Autowired
    ProducerTemplate producer;

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void acceptedMessageAnswersTheProvidersMessageId(Adapter adapter) {
        String phone = phone();
        String id = adapter == Adapter.TWILIO ? "SM" + hex() : UUID.randomUUID().toString();
        adapter.stub(phone, adapter.accepted(id));

        Map<String, Object> result = send(adapter, phone);

        assertThat(result).containsEntry("accepted", true).containsEntry("provider", adapter.provider)
                .containsEntry("providerMessageId", id);
        assertThat(adapter.received(this, phone)).hasSize(1);
        adapter.assertRequest(adapter.received(this, phone).get(0), phone);
    }

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void permanentRefusalsAnswerTheSameErrorNamesWithTheProvidersCode(Adapter adapter) {
        for (String error : List.of("INVALID_NUMBER", "NOT_MOBILE", "OPTED_OUT")) {
            String phone = phone();
            adapter.stub(phone, adapter.refusal(error));

            Map<String, Object> result = send(adapter, phone);

            assertThat(result).as(error).containsEntry("accepted", false).containsEntry("provider", adapter.provider)
                    .containsEntry("error", error).containsEntry("rawCode", adapter.rawCode(error));
            assertThat(result.get("detail")).as(error).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void serverErrorIsTransientAndMayFailOver(Adapter adapter) {
        String phone = phone();
        adapter.stub(phone, adapter.refusal("PROVIDER_ERROR"));

        assertThatThrownBy(() -> send(adapter, phone)).cause()
                .isInstanceOf(TransientProviderException.class)
                .isNotInstanceOf(AmbiguousProviderException.class)
                .hasMessageContaining(adapter.provider);
        assertThat(adapter.received(this, phone)).hasSize(1); // no hidden client retry
    }

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void rateLimitAndCredentialFailuresAreTransientWithTheirNames(Adapter adapter) {
        for (String error : List.of("RATE_LIMITED", "AUTH_FAILED")) {
            String phone = phone();
            adapter.stub(phone, adapter.refusal(error));

            assertThatThrownBy(() -> send(adapter, phone)).as(error).cause()
                    .isInstanceOf(TransientProviderException.class)
                    .isNotInstanceOf(AmbiguousProviderException.class)
                    .satisfies(e -> assertThat(((TransientProviderException) e).getError()).isEqualTo(error));
        }
    }

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void noAnswerAfterTheRequestLeftIsAmbiguous(Adapter adapter) {
        String phone = phone();
        // the provider got the request but answers after the response timeout (1 s in tests)
        adapter.stub(phone, adapter.accepted("late").withFixedDelay(1500));

        assertThatThrownBy(() -> send(adapter, phone)).cause()
                .isInstanceOf(AmbiguousProviderException.class)
                .satisfies(e -> assertThat(((TransientProviderException) e).getRawCode()).isEqualTo("timeout"));
        assertThat(adapter.received(this, phone)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Adapter.class)
    void connectionLostAfterSendingIsAmbiguous(Adapter adapter) {
        String phone = phone();
        adapter.stub(phone, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> send(adapter, phone)).cause().isInstanceOf(AmbiguousProviderException.class);
    }

    /** The adapter route as the flow calls it: the contract's input headers in, its answer (or exception) out. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> send(Adapter adapter, String phone) {
        return producer.requestBodyAndHeaders("direct:send-via-" + adapter.provider, null, Map.of(
                "smsTo", phone,
                "smsFrom", FROM,
                "smsText", TEXT,
                "smsStatusCallback", CALLBACK.formatted(adapter.provider)), Map.class);
    }

    private static String phone() {
        return "+1415556" + String.format("%04d", PHONES.incrementAndGet());
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
