package com.tixtrack.sms.providers.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sms.providers.twilio.*}: credentials, where the API is, and how Twilio's error codes map. */
@ConfigurationProperties("sms.providers.twilio")
public class TwilioProperties {

    private String accountSid;
    private String authToken;
    /** empty = api.twilio.com */
    private String baseUrl;
    private int connectTimeoutMs = 3000;
    private int responseTimeoutMs = 10000;
    /** pooled HTTP connections to Twilio: at least the event concurrency */
    private int maxConnections = 50;
    /** Twilio error code -> provider-agnostic error */
    private Map<String, String> errors = new LinkedHashMap<>();

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid;
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

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public void setErrors(Map<String, String> errors) {
        this.errors = errors;
    }

    public boolean hasCredentials() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }
}
