package com.tixtrack.sms.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

/** Per-provider health and how it aggregates under the configured status order (application.yaml). */
class ProviderHealthTest {

    /** management.endpoint.health.status.order */
    final SimpleStatusAggregator order = new SimpleStatusAggregator("DOWN", "OUT_OF_SERVICE", "UP", "UNCONFIGURED", "UNKNOWN");

    @Test
    void configuredProviderIsUp() {
        List<ProviderAdapter> adapters = List.of(adapter("twilio", true), adapter("plivo", true));

        assertThat(ProviderHealthConfiguration.health(adapters.get(1), adapters, null).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void missingCredentialsAreUnconfiguredWhileAnotherProviderCanSendAndReadinessStaysUp() {
        List<ProviderAdapter> adapters = List.of(adapter("twilio", true), adapter("plivo", false));

        Status plivo = ProviderHealthConfiguration.health(adapters.get(1), adapters, null).getStatus();
        Status twilio = ProviderHealthConfiguration.health(adapters.get(0), adapters, null).getStatus();

        assertThat(plivo).isEqualTo(ProviderHealthConfiguration.UNCONFIGURED);
        assertThat(order.getAggregateStatus(Set.of(twilio, plivo))).isEqualTo(Status.UP);
    }

    @Test
    void noUsableProviderIsDown() {
        List<ProviderAdapter> adapters = List.of(adapter("twilio", false), adapter("plivo", false));

        Status twilio = ProviderHealthConfiguration.health(adapters.get(0), adapters, null).getStatus();
        Status plivo = ProviderHealthConfiguration.health(adapters.get(1), adapters, null).getStatus();

        assertThat(order.getAggregateStatus(new HashSet<>(List.of(twilio, plivo)))).isEqualTo(Status.DOWN);
        assertThat(ProviderHealthConfiguration.health(adapters.get(1), adapters, null).getDetails())
                .containsEntry("missing", "plivo credentials");
    }

    static ProviderAdapter adapter(String name, boolean configured) {
        return new ProviderAdapter() {
            public String name() {
                return name;
            }

            public boolean isConfigured() {
                return configured;
            }

            public String missingSettings() {
                return configured ? "" : name + " credentials";
            }
        };
    }
}
