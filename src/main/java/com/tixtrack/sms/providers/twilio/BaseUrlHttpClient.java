package com.tixtrack.sms.providers.twilio;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import com.tixtrack.sms.providers.ProviderConnections;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's own HTTP client, pointed at another base URL (the local simulator, WireMock in tests) when
 * one is configured, and without the SDK's built-in retries: retrying is the route's decision, visible there.
 * The configured timeouts really apply: the SDK stamps its own defaults (30.5 s connect, no response timeout) on
 * every request, so an interceptor puts ours back; and Apache HttpClient's automatic re-execution of a POST
 * answered 503/429 is off, as a re-sent message create could reach the customer twice.
 */
class BaseUrlHttpClient extends NetworkHttpClient {

    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl, int connectTimeoutMs, int responseTimeoutMs, int maxConnections) {
        super(builder(connectTimeoutMs, responseTimeoutMs, maxConnections));
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
    }

    private static HttpClientBuilder builder(int connectTimeoutMs, int responseTimeoutMs, int maxConnections) {
        Timeout connect = Timeout.ofMilliseconds(connectTimeoutMs);
        Timeout response = Timeout.ofMilliseconds(responseTimeoutMs);
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(response)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                // at least the event concurrency, or consumers queue for a connection
                .setConnectionManager(ProviderConnections.pool(connect, response, maxConnections))
                .setDefaultRequestConfig(timeouts)
                .addExecInterceptorFirst("configured-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(timeouts);
                    return chain.proceed(request, scope);
                })
                .disableAutomaticRetries();
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(baseUrl == null ? request : rebased(request));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    private Request rebased(Request original) {
        Request copy = new Request(original.getMethod(), original.getUrl().replaceFirst("^https?://[^/]+", baseUrl));
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        original.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
        original.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
        if (original.getContentType() != null) {
            copy.setContentType(original.getContentType());
        }
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        return copy;
    }
}
