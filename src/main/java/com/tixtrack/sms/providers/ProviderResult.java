package com.tixtrack.sms.providers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every {@code send-via-<provider>} route answers, as a map the routes read with {@code ${variable.sendResult[key]}}:
 * {@code accepted} (true/false), {@code provider}, {@code providerMessageId} when accepted, otherwise {@code error}
 * (provider-agnostic: INVALID_NUMBER, NOT_MOBILE, OPTED_OUT, RATE_LIMITED, AUTH_FAILED, PROVIDER_ERROR),
 * {@code rawCode} (the provider's own code) and {@code detail}. Transient errors are not answered but thrown as
 * {@link TransientProviderException}, so the flow's error handling retries them.
 */
public final class ProviderResult {

    private ProviderResult() {
    }

    public static Map<String, Object> accepted(String provider, String providerMessageId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accepted", true);
        result.put("provider", provider);
        result.put("providerMessageId", providerMessageId);
        return result;
    }

    public static Map<String, Object> rejected(String provider, String error, String rawCode, String detail) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accepted", false);
        result.put("provider", provider);
        result.put("error", error);
        result.put("rawCode", rawCode);
        result.put("detail", detail);
        return result;
    }
}
