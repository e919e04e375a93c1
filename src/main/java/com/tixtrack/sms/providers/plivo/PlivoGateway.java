package com.tixtrack.sms.providers.plivo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.providers.AmbiguousProviderException;
import com.tixtrack.sms.providers.ProviderAdapter;
import com.tixtrack.sms.providers.ProviderConnections;
import com.tixtrack.sms.providers.ProviderFailures;
import com.tixtrack.sms.providers.ProviderResult;
import com.tixtrack.sms.providers.TransientProviderException;

/**
 * The Plivo adapter's Java half, over Plivo's HTTPS + JSON API (there is no Plivo SDK in our registry): send a
 * message ({@code POST /v1/Account/{auth_id}/Message/}), search and buy a number ({@code GET .../PhoneNumber/},
 * {@code POST .../PhoneNumber/{number}/}), release one ({@code DELETE .../Number/{number}/}). Basic auth with the
 * auth id and token.
 *
 * <p>Spring's RestClient on Apache HttpClient 5 (the client the Twilio SDK uses too) rather than Camel's HTTP
 * component: the adapter must tell a refused connection (nothing sent: failover is safe) from a response timeout
 * (maybe sent: {@link AmbiguousProviderException}) and read Plivo's JSON error bodies, which is a few typed lines
 * here but would be exception plumbing in YAML; the route keeps the readable part (circuit breaker, bean call),
 * the same shape as {@code send-via-twilio}. No automatic retries in the client: retrying is the route's call.
 *
 * <p>Plivo refuses a send with an HTTP status and a text ({@code {"api_id": ..., "error": "..."}}), not a code;
 * {@code sms.providers.plivo.error-texts} says which texts stand for which Plivo error code (the codes Plivo
 * reports in its MDR and status callbacks), and {@code sms.providers.plivo.errors} maps codes to the
 * provider-agnostic names (docs/providers.md).
 */
@Component("plivoGateway")
public class PlivoGateway implements ProviderAdapter, DisposableBean {

    static final String PROVIDER = "plivo";
    static final String API = "https://api.plivo.com";

    private final PlivoProperties properties;
    private final Environment environment;
    private final ObjectMapper json;
    private volatile RestClient client;
    private volatile CloseableHttpClient httpClient;

    public PlivoGateway(PlivoProperties properties, Environment environment, ObjectMapper json) {
        this.properties = properties;
        this.environment = environment;
        this.json = json;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    @Override
    public String missingSettings() {
        return String.join(", ", properties.missing());
    }

    /** Sends one SMS: accepted with Plivo's message UUID, a refusal, or a thrown transient / ambiguous failure. */
    public Map<String, Object> send(String to, String from, String text, String statusCallback) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("src", plivoNumber(from));
        request.put("dst", plivoNumber(to));
        request.put("text", text);
        request.put("type", "sms");
        if (statusCallback != null && !statusCallback.isBlank()) {
            request.put("url", statusCallback);
            request.put("method", "POST");
        }
        Answer answer;
        try {
            answer = call(HttpMethod.POST, "/Message/", request);
        } catch (ResourceAccessException e) {
            // refused (failover-able) or no answer after sending (ambiguous)
            throw ProviderFailures.transportFailure(PROVIDER, e);
        }
        if (answer.successful()) {
            JsonNode uuids = answer.body().path("message_uuid");
            if (uuids.isArray() && !uuids.isEmpty()) {
                return ProviderResult.accepted(PROVIDER, uuids.get(0).asText());
            }
            // a bulk-style answer listing the destination under invalid_number: refused, not queued
            return refusedOrThrow(400, answer.text().isBlank() ? "invalid_number" : answer.text(), answer.body());
        }
        return refusedOrThrow(answer.status(), answer.errorText(), answer.body());
    }

    /**
     * After an ambiguous send: the outbound message Plivo took after all (same destination and sender, sent since
     * the pin), as an accepted answer, or null when Plivo has none and sending again is safe. Plivo's list does
     * not return the text, so numbers and time decide.
     */
    public Map<String, Object> findSent(String to, String from, String text, String sinceIso) {
        String since = java.time.Instant.parse(sinceIso).atZone(java.time.ZoneOffset.UTC).toLocalDateTime()
                .withNano(0).toString().replace('T', ' ');
        Answer answer;
        try {
            answer = call(HttpMethod.GET, "/Message/?message_direction=outbound&limit=20&message_time__gte=" + since, null);
        } catch (ResourceAccessException e) {
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "lookup",
                    "could not check whether Plivo took the message: " + e.getMessage(), e);
        }
        if (!answer.successful()) {
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "lookup",
                    "could not check whether Plivo took the message: HTTP " + answer.status(), null);
        }
        for (JsonNode message : answer.body().path("objects")) {
            if (plivoNumber(to).equals(message.path("to_number").asText())
                    && plivoNumber(from).equals(message.path("from_number").asText())) {
                return ProviderResult.accepted(PROVIDER, message.path("message_uuid").asText());
            }
        }
        return null;
    }

    /** Buys an SMS-capable local number in the venue's country: {phoneNumber, providerId, provider}. */
    public Map<String, Object> buyNumber(String venueCountry) {
        String country = venueCountry == null || venueCountry.isBlank() ? "US" : venueCountry;
        try {
            Answer search = call(HttpMethod.GET, "/PhoneNumber/?country_iso=" + country + "&type=local&services=sms&limit=1", null);
            JsonNode objects = search.body().path("objects");
            if (!search.successful() || !objects.isArray() || objects.isEmpty()) {
                throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR",
                        search.successful() ? "no_numbers" : "http_" + search.status(),
                        "no SMS-capable number available in " + country + ": " + search.errorText(), null);
            }
            String number = objects.get(0).path("number").asText();
            Map<String, Object> buy = new LinkedHashMap<>();
            if (properties.getAppId() != null && !properties.getAppId().isBlank()) {
                buy.put("app_id", properties.getAppId());
            }
            Answer bought = call(HttpMethod.POST, "/PhoneNumber/" + number + "/", buy);
            JsonNode first = bought.body().path("numbers").path(0);
            if (!bought.successful() || !"success".equalsIgnoreCase(first.path("status").asText())) {
                throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "http_" + bought.status(),
                        "could not buy " + number + " in " + country + ": " + bought.errorText() + " " + bought.text(), null);
            }
            String boughtNumber = first.path("number").asText(number);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("phoneNumber", "+" + boughtNumber);
            result.put("providerId", boughtNumber);
            result.put("provider", PROVIDER);
            return result;
        } catch (ResourceAccessException e) {
            // nothing is sent by provisioning, so a lost answer is just transient
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "connection",
                    "could not buy a number in " + country + ": " + e.getMessage(), e);
        }
    }

    /** Gives back a number bought for nothing (another instance won the race to provision the venue). */
    public void releaseNumber(String providerId) {
        Answer answer = call(HttpMethod.DELETE, "/Number/" + plivoNumber(providerId) + "/", null);
        if (!answer.successful()) {
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "http_" + answer.status(),
                    "could not release " + providerId + ": " + answer.errorText(), null);
        }
    }

    private Map<String, Object> refusedOrThrow(int status, String errorText, JsonNode body) {
        String code = plivoCode(status, errorText, body);
        String error = properties.getErrors().get(code);
        if (ProviderFailures.isAmbiguousStatus(status)) {
            throw new AmbiguousProviderException(PROVIDER, code,
                    "gateway timeout in front of Plivo, the message may have been accepted: " + errorText, null);
        }
        if (ProviderFailures.isTransient(status, error)) {
            throw new TransientProviderException(PROVIDER, error == null ? "PROVIDER_ERROR" : error, code,
                    "HTTP " + status + ": " + errorText, null);
        }
        return ProviderResult.rejected(PROVIDER, error == null ? "PROVIDER_ERROR" : error, code, errorText);
    }

    /** Plivo's error code for a refusal: error_code when the body has one, else the code its text stands for. */
    String plivoCode(int status, String errorText, JsonNode body) {
        JsonNode explicit = body.path("error_code");
        if (!explicit.isMissingNode() && !explicit.isNull() && !explicit.asText().isBlank()) {
            return explicit.asText();
        }
        String text = errorText == null ? "" : errorText.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> entry : properties.getErrorTexts().entrySet()) {
            for (String fragment : entry.getValue()) {
                if (fragment != null && !fragment.isBlank() && text.contains(fragment.toLowerCase(Locale.ROOT))) {
                    return entry.getKey();
                }
            }
        }
        return "http_" + status;
    }

    private Answer call(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = client().method(method)
                .uri("/v1/Account/" + properties.getAuthId() + path)
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            String text = read(response.getBody());
            return new Answer(response.getStatusCode().value(), text, parse(text));
        });
    }

    private String read(InputStream body) throws IOException {
        return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private JsonNode parse(String text) {
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode(); // 401 and proxies may answer with plain text or HTML
        }
    }

    /** Plivo writes numbers as digits with the country code, without the leading +. */
    static String plivoNumber(String e164) {
        return e164 == null ? null : e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** Read when first needed: locally it points at this service's own port, known only once the server runs. */
    private String baseUrl() {
        String configured = environment.getProperty("sms.providers.plivo.base-url", properties.getBaseUrl());
        return configured == null || configured.isBlank() ? API : configured.replaceAll("/+$", "");
    }

    private RestClient client() {
        RestClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    if (!properties.hasCredentials()) {
                        throw new TransientProviderException(PROVIDER, "AUTH_FAILED", "no_credentials",
                                String.join(", ", properties.missing()) + " not set", null);
                    }
                    Timeout connect = Timeout.ofMilliseconds(properties.getConnectTimeoutMs());
                    Timeout response = Timeout.ofMilliseconds(properties.getResponseTimeoutMs());
                    httpClient = HttpClients.custom()
                            .setConnectionManager(ProviderConnections.pool(connect, response, 50))
                            .setDefaultRequestConfig(RequestConfig.custom()
                                    .setConnectionRequestTimeout(connect)
                                    .setResponseTimeout(response)
                                    .build())
                            .disableAutomaticRetries()
                            .disableRedirectHandling()
                            .build();
                    client = RestClient.builder()
                            .baseUrl(baseUrl())
                            .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                            .defaultHeaders(headers -> headers.setBasicAuth(properties.getAuthId(), properties.getAuthToken()))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() throws IOException {
        if (httpClient != null) {
            httpClient.close();
        }
    }

    private record Answer(int status, String text, JsonNode body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }

        String errorText() {
            JsonNode error = body.path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            return error.isMissingNode() || error.isNull() ? text : error.toString();
        }
    }
}
