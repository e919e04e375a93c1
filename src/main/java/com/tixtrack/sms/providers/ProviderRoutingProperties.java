package com.tixtrack.sms.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sms.providers.routing.*}: which provider sends, configured rather than coded (docs/providers.md). */
@ConfigurationProperties("sms.providers.routing")
public class ProviderRoutingProperties {

    /** provider for a venue without a number when no country rule applies; the first one to provision on */
    private String defaultProvider = "twilio";
    /** destination prefix (+254, or 254 from the environment) -> provider; the longest matching prefix wins */
    private Map<String, String> countryRules = new LinkedHashMap<>();
    /** every provider in preference order: failover candidates follow this order after the chosen one */
    private List<String> order = new ArrayList<>(List.of("twilio", "plivo"));
    /** buy a number on a failover provider where the venue has none (off: fail over only to existing numbers) */
    private boolean provisionOnFailover;

    public String getDefault() {
        return defaultProvider;
    }

    public void setDefault(String defaultProvider) {
        this.defaultProvider = defaultProvider;
    }

    public Map<String, String> getCountryRules() {
        return countryRules;
    }

    public void setCountryRules(Map<String, String> countryRules) {
        this.countryRules = countryRules == null ? new LinkedHashMap<>() : countryRules;
    }

    public List<String> getOrder() {
        return order;
    }

    public void setOrder(List<String> order) {
        this.order = order == null ? new ArrayList<>() : order;
    }

    public boolean isProvisionOnFailover() {
        return provisionOnFailover;
    }

    public void setProvisionOnFailover(boolean provisionOnFailover) {
        this.provisionOnFailover = provisionOnFailover;
    }
}
