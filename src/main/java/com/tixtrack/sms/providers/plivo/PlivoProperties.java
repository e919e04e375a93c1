package com.tixtrack.sms.providers.plivo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sms.providers.plivo.*}: credentials, where the API is, timeouts, and how Plivo's errors map. */
@ConfigurationProperties("sms.providers.plivo")
public class PlivoProperties {

    private String authId;
    private String authToken;
    /** empty = api.plivo.com */
    private String baseUrl;
    /** Plivo application the bought numbers are attached to (its message URL receives inbound SMS); empty = none */
    private String appId;
    private int connectTimeoutMs = 3000;
    private int responseTimeoutMs = 10000;
    /** Plivo error code (as in its MDR and status callbacks, or http_<status>) -> provider-agnostic error */
    private Map<String, String> errors = new LinkedHashMap<>();
    /** Plivo error code -> fragments of the text Plivo's API answers a refused send with (case-insensitive) */
    private Map<String, List<String>> errorTexts = new LinkedHashMap<>();

    public String getAuthId() {
        return authId;
    }

    public void setAuthId(String authId) {
        this.authId = authId;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public void setConnectTimeoutMs(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public int getResponseTimeoutMs() {
        return responseTimeoutMs;
    }

    public void setResponseTimeoutMs(int responseTimeoutMs) {
        this.responseTimeoutMs = responseTimeoutMs;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public void setErrors(Map<String, String> errors) {
        this.errors = errors;
    }

    public Map<String, List<String>> getErrorTexts() {
        return errorTexts;
    }

    public void setErrorTexts(Map<String, List<String>> errorTexts) {
        this.errorTexts = errorTexts == null ? new LinkedHashMap<>() : errorTexts;
    }

    public boolean hasCredentials() {
        return authId != null && !authId.isBlank() && authToken != null && !authToken.isBlank();
    }

    /** The settings a send needs that are not set. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (authId == null || authId.isBlank()) {
            missing.add("sms.providers.plivo.auth-id");
        }
        if (authToken == null || authToken.isBlank()) {
            missing.add("sms.providers.plivo.auth-token");
        }
        return missing;
    }
}
