package com.tixtrack.sms.providers;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** The connection pool every provider's HTTP client uses, so each gets the same safety. */
public final class ProviderConnections {

    private ProviderConnections() {
    }

    /**
     * A pool with these timeouts and size. A connection idle over 2 s is checked before reuse (HttpClient's default,
     * stated here because it matters): the server may have closed it (its keep-alive timeout), and a send on a
     * closed one fails only after it was written, which the flow must treat as an unclear send and so hold the
     * event for a minute (BaseUrlHttpClientTest).
     */
    public static PoolingHttpClientConnectionManager pool(Timeout connect, Timeout response, int maxConnections) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setMaxConnPerRoute(maxConnections)
                .setMaxConnTotal(maxConnections)
                .build();
    }
}
