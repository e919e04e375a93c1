package com.tixtrack.sms.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One health indicator per provider adapter, grouped as the {@code providers} component of /health and
 * /health/ready. A provider with credentials is UP (details: its circuit breaker's state). A provider without
 * credentials is skipped by provider choice and reports {@code UNCONFIGURED} while another provider can send, which
 * ranks below UP (management.endpoint.health.status.order) so a deliberately single-provider deployment stays
 * ready; when no provider has credentials every one reports DOWN, and readiness goes DOWN with them.
 * An open breaker does not change the status: failover and retries handle it, and readiness must not flap with it.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderHealthConfiguration {

    /** A provider that cannot be used because settings are missing, while another one can send. */
    public static final Status UNCONFIGURED = new Status("UNCONFIGURED", "credentials missing: skipped by provider choice");

    @Bean
    HealthContributor providers(List<ProviderAdapter> adapters, CamelContext camel) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        adapters.forEach(adapter -> indicators.put(adapter.name(), () -> health(adapter, adapters, camel)));
        return CompositeHealthContributor.fromMap(indicators);
    }

    static Health health(ProviderAdapter adapter, List<ProviderAdapter> adapters, CamelContext camel) {
        if (!adapter.isConfigured()) {
            boolean anotherCanSend = adapters.stream().anyMatch(ProviderAdapter::isConfigured);
            return Health.status(anotherCanSend ? UNCONFIGURED : Status.DOWN)
                    .withDetail("missing", adapter.missingSettings())
                    .withDetail("skipped", true)
                    .build();
        }
        Health.Builder up = Health.up();
        ResilienceProcessor breaker = camel == null ? null
                : camel.getProcessor(adapter.name() + "-breaker", ResilienceProcessor.class);
        if (breaker != null) {
            up.withDetail("circuitBreaker", breaker.getCircuitBreakerState());
        }
        return up.build();
    }
}
