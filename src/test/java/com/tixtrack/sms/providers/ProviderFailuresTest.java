package com.tixtrack.sms.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** Which transport failures may fail over (nothing left) and which are ambiguous (maybe sent). */
class ProviderFailuresTest {

    @Test
    void failuresBeforeTheRequestLeftMayFailOver() {
        for (IOException cause : new IOException[] {new HttpHostConnectException("Connection refused"),
                new ConnectException("Connection refused"), new ConnectTimeoutException("connect timed out"),
                new UnknownHostException("api.plivo.com")}) {
            TransientProviderException failure = ProviderFailures.transportFailure("plivo",
                    new ResourceAccessException("I/O error", cause));

            assertThat(failure).as(cause.toString()).isNotInstanceOf(AmbiguousProviderException.class);
            assertThat(failure.getRawCode()).isEqualTo("connection");
        }
    }

    @Test
    void noAnswerAfterSendingIsAmbiguous() {
        assertThat(ProviderFailures.transportFailure("twilio", new RuntimeException(new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(AmbiguousProviderException.class)
                .satisfies(e -> assertThat(e.getRawCode()).isEqualTo("timeout"));
        assertThat(ProviderFailures.transportFailure("twilio", new RuntimeException(new NoHttpResponseException("failed to respond"))))
                .isInstanceOf(AmbiguousProviderException.class)
                .satisfies(e -> assertThat(e.getRawCode()).isEqualTo("no_response"));
        assertThat(ProviderFailures.transportFailure("twilio", new RuntimeException("something unknown")))
                .isInstanceOf(AmbiguousProviderException.class); // when in doubt, never a second provider
    }

    @Test
    void statusRules() {
        assertThat(ProviderFailures.isTransient(503, null)).isTrue();
        assertThat(ProviderFailures.isTransient(429, null)).isTrue();
        assertThat(ProviderFailures.isTransient(400, "AUTH_FAILED")).isTrue();
        assertThat(ProviderFailures.isTransient(400, "INVALID_NUMBER")).isFalse();
        assertThat(ProviderFailures.isAmbiguousStatus(504)).isTrue();
        assertThat(ProviderFailures.isAmbiguousStatus(503)).isFalse();
    }
}
