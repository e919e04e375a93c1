package com.tixtrack.sms.providers.twilio;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's own HTTP client, pointed at another base URL (the local simulator, WireMock in tests) when
 * one is configured, and without the SDK's built-in retries: retrying is the route's decision, visible there.
 */
class BaseUrlHttpClient extends NetworkHttpClient {

    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl, int connectTimeoutMs, int responseTimeoutMs, int maxConnections) {
        // Apache HttpClient 5 would silently re-send on 429/503; retries are the route's (1 s, 2 s, 4 s, visible)
        super(HttpClients.custom()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMs))
                        .build()));
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
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
