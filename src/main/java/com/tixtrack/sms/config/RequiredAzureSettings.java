package com.tixtrack.sms.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the azure profile, refuses to start when a required setting is missing, naming every missing one at once
 * (never their values), before any connection is attempted. Provider credentials are not required (a provider
 * without them is reported unhealthy and skipped), nor database credentials (Azure SQL may authenticate the
 * managed identity through the JDBC URL).
 */
public class RequiredAzureSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of("azure"))) {
            return;
        }
        Map<String, String> required = new LinkedHashMap<>();
        required.put("spring.datasource.url", "SMS_DB_URL");
        required.put("sms.webhooks.public-base-url", "SMS_PUBLIC_BASE_URL");
        required.put("sms.security.api-keys[0].key", "SMS_READER_KEY");
        required.put("sms.security.api-keys[1].key", "SMS_ADMIN_KEY");
        if ("CONNECTION_STRING".equals(value(env, "sms.servicebus.credential-type"))) {
            required.put("sms.servicebus.connection-string", "SMS_SERVICEBUS_CONNECTION_STRING");
        } else {
            required.put("sms.servicebus.namespace", "SMS_SERVICEBUS_NAMESPACE");
        }
        List<String> missing = new ArrayList<>();
        required.forEach((property, variable) -> {
            if (value(env, property) == null) {
                missing.add(variable + " (" + property + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The azure profile needs these settings, which are not set: "
                    + String.join(", ", missing) + ". See docs/deploying-to-azure.md.");
        }
    }

    private static String value(ConfigurableEnvironment env, String property) {
        try {
            String value = env.getProperty(property);
            return value == null || value.isBlank() ? null : value;
        } catch (IllegalArgumentException unresolvable) {
            return null; // ${SMS_DB_URL} with no value and no default
        }
    }
}
