package com.tixtrack.sms.providers;

/**
 * A provider failure worth retrying (5xx, 429, timeout, connection refused, credentials being rotated): the flow
 * retries it in the route, then leaves it to the broker's redelivery, then dead-letters it with this message.
 */
public class TransientProviderException extends RuntimeException {

    private final String provider;
    private final String error;
    private final String rawCode;

    public TransientProviderException(String provider, String error, String rawCode, String message, Throwable cause) {
        super(provider + " " + error + " (" + rawCode + "): " + message, cause);
        this.provider = provider;
        this.error = error;
        this.rawCode = rawCode;
    }

    public String getProvider() {
        return provider;
    }

    public String getError() {
        return error;
    }

    public String getRawCode() {
        return rawCode;
    }
}
