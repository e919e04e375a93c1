package com.tixtrack.sms.providers;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * The rules every adapter applies to a failed call, so that all providers behave alike for the flow:
 * <ul>
 * <li>a refusal (4xx) mapped to RATE_LIMITED or AUTH_FAILED, any 429 and any 5xx is transient:
 * {@link TransientProviderException}, retried and eligible for failover;</li>
 * <li>a transport failure before the request could leave (connection refused, connect timeout, unknown host, TLS
 * handshake, no pooled connection) is transient and eligible for failover;</li>
 * <li>any other transport failure (response timeout, connection lost after sending, no response) and a 504 from a
 * gateway in front of the provider is ambiguous: {@link AmbiguousProviderException}, retried on the same provider
 * only.</li>
 * </ul>
 */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    /** Whether a refusal is worth retrying (and sending elsewhere) rather than recording as failed. */
    public static boolean isTransient(int httpStatus, String error) {
        return httpStatus >= 500 || httpStatus == 429 || "RATE_LIMITED".equals(error) || "AUTH_FAILED".equals(error);
    }

    /** 504: a gateway in front of the provider gave up waiting for it; the provider may have taken the message. */
    public static boolean isAmbiguousStatus(int httpStatus) {
        return httpStatus == 504;
    }

    /** True only when the failure certainly happened before the request reached the provider. */
    public static boolean neverLeft(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException // refused, incl. HttpHostConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException
                    || t instanceof ConnectionRequestTimeoutException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A transport failure as the flow needs it: transient and failover-able if it never left, else ambiguous. */
    public static TransientProviderException transportFailure(String provider, Throwable failure) {
        String detail = describe(failure);
        if (neverLeft(failure)) {
            return new TransientProviderException(provider, "PROVIDER_ERROR", "connection", detail, failure);
        }
        String rawCode = timedOut(failure) ? "timeout" : "no_response";
        return new AmbiguousProviderException(provider, rawCode,
                "no answer after the request was sent, the message may have been accepted: " + detail, failure);
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
