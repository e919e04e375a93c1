package com.tixtrack.sms.providers;

/**
 * The request may have reached the provider, but no answer came back (response timeout, connection lost after
 * sending, a gateway timeout in front of the provider): the SMS may or may not be on its way. Transient, so the
 * flow retries it, but never on another provider: the failover step does not catch it, and the event stays pinned
 * to this provider (provider-pins) for every later try, so the customer never gets the message twice.
 */
public class AmbiguousProviderException extends TransientProviderException {

    public AmbiguousProviderException(String provider, String rawCode, String message, Throwable cause) {
        super(provider, "PROVIDER_ERROR", rawCode, message, cause);
    }
}
