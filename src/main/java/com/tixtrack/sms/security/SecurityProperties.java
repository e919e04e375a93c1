package com.tixtrack.sms.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sms.security.*}: the API keys, one per client, each with a role. {@code reader} may call {@code /api/**};
 * {@code admin} may call {@code /api/**} and {@code /admin/**}.
 */
@ConfigurationProperties(prefix = "sms.security")
public record SecurityProperties(List<ApiKey> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** One client's key; the name is what audit logs and {@code X-Api-Client} show, never the key. */
    public record ApiKey(String name, String key, String role) {

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", role=" + role + "]";
        }
    }
}
