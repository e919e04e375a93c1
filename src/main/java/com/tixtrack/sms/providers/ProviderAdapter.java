package com.tixtrack.sms.providers;

/**
 * What provider choice and health need to know about a provider adapter (the gateway bean behind a
 * {@code send-via-<name>} route): its name, as in ProviderNames and the route names, and whether its credentials
 * are configured. An adapter without credentials is skipped by {@code choose-provider} instead of failing sends.
 */
public interface ProviderAdapter {

    /** The provider's name: {@code direct:send-via-<name>}, {@code <name>-breaker}, ProviderNames.Name. */
    String name();

    /** True when the adapter has what it needs to call the provider (credentials). */
    boolean isConfigured();

    /** Which settings are missing, for health details and logs; empty when configured. */
    String missingSettings();
}
