package com.tixtrack.sms.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The provider-choice step's Java half ({@code choose-provider} and {@code send-sms} routes): the country rule for
 * a destination, and the plan, i.e. which providers may send one message and in what order. The precedence
 * itself (country rule, then the venue's number, then the default) is in the route; this bean adds what the
 * route cannot say in a line: skip adapters without credentials, keep an event on the provider it is pinned to
 * after an ambiguous result, and line up failover candidates (providers where the venue has a number; others
 * only when a number may be provisioned there).
 *
 * <p>A plan is a list of candidates, each a map the routes read with index syntax: {@code provider},
 * {@code SenderNumberID} and {@code SenderNumber} (null when a number is to be provisioned), {@code reason}, and
 * {@code pinnedSince} on the candidate of a pinned event (ask the provider for messages since then before sending).
 */
@Component("providerChoice")
public class ProviderChoice {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderChoice.class);

    private final ProviderRoutingProperties routing;
    private final Map<String, ProviderAdapter> adapters;
    private final ProviderPins pins;
    private final boolean provisioningEnabled;

    public ProviderChoice(ProviderRoutingProperties routing, List<ProviderAdapter> adapters, ProviderPins pins,
            @Value("${sms.provisioning.enabled:true}") boolean provisioningEnabled) {
        this.routing = routing;
        this.adapters = adapters.stream().collect(Collectors.toMap(ProviderAdapter::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.pins = pins;
        this.provisioningEnabled = provisioningEnabled;
        requireOneRulePerPrefix(routing.getCountryRules());
    }

    /** +254 and 254 are the same prefix: given twice with different providers, which one wins is unclear. */
    static void requireOneRulePerPrefix(Map<String, String> rules) {
        Map<String, String> seen = new LinkedHashMap<>();
        rules.forEach((prefix, provider) -> {
            String previous = seen.put(digits(prefix), provider == null ? "" : provider.trim());
            if (previous != null && !previous.equals(provider == null ? "" : provider.trim())) {
                throw new IllegalStateException("sms.providers.routing.country-rules names prefix " + digits(prefix)
                        + " twice (" + previous + ", " + provider + "): write it once, as digits (254: plivo)");
            }
        });
    }

    /** The provider a country rule names for this destination (longest matching prefix), or null. */
    public String countryRule(String destination) {
        String digits = digits(destination);
        String chosen = null;
        int longest = 0;
        for (Map.Entry<String, String> rule : routing.getCountryRules().entrySet()) {
            String prefix = digits(rule.getKey());
            if (!prefix.isEmpty() && digits.startsWith(prefix) && prefix.length() > longest) {
                chosen = rule.getValue();
                longest = prefix.length();
            }
        }
        return chosen == null || chosen.isBlank() ? null : chosen.trim();
    }

    /**
     * The candidates for one message: the primary provider first, then failover candidates. Empty when no usable
     * provider has (or may get) a number for the venue. Throws a transient error when the venue could send but
     * no provider has credentials, or the event is pinned to a provider that has none.
     *
     * @param primary      the provider the route chose (country rule, venue's number or default)
     * @param reason       why, for logs (country-rule, venue-number, default)
     * @param venueNumbers the venue's active numbers (select-venue-numbers.sql), oldest first
     * @param eventKey     the event's idempotency key, for pins
     */
    public List<Map<String, Object>> plan(String primary, String reason, List<Map<String, Object>> venueNumbers,
            String eventKey) {
        Map<String, Map<String, Object>> numbers = new LinkedHashMap<>();
        if (venueNumbers != null) {
            venueNumbers.forEach(n -> numbers.putIfAbsent(String.valueOf(n.get("Provider")), n));
        }
        ProviderPins.Pin pin = pins.pinOf(eventKey, adapters.keySet());
        if (pin != null) {
            requireConfigured(pin.provider(), "it is pinned to this event after an unclear result");
            LOG.info("{} stays on {}: an earlier try may have reached it", eventKey, pin.provider());
            Map<String, Object> pinned = candidate(pin.provider(), numbers.get(pin.provider()), "pinned");
            pinned.put("pinnedSince", pin.since());
            return new ArrayList<>(List.of(pinned));
        }

        Set<String> order = new LinkedHashSet<>();
        order.add(primary);
        order.addAll(numbers.keySet()); // providers where the venue has a number, oldest number first
        order.addAll(routing.getOrder());
        order.addAll(adapters.keySet());

        List<Map<String, Object>> plan = new ArrayList<>();
        List<String> unconfigured = new ArrayList<>();
        for (String provider : order) {
            ProviderAdapter adapter = provider == null ? null : adapters.get(provider);
            if (adapter == null) {
                if (provider != null && (provider.equals(primary) || numbers.containsKey(provider))) {
                    LOG.warn("No adapter for provider '{}' (routing or VenuePhoneNumbers); skipped", provider);
                }
                continue;
            }
            boolean hasNumber = numbers.containsKey(provider);
            // the first usable provider may be provisioned on; later ones only when failover may buy numbers
            boolean mayProvision = provisioningEnabled && (plan.isEmpty() || routing.isProvisionOnFailover());
            if (!hasNumber && !mayProvision) {
                continue;
            }
            if (!adapter.isConfigured()) {
                unconfigured.add(provider);
                continue;
            }
            plan.add(candidate(provider, numbers.get(provider),
                    plan.isEmpty() ? (provider.equals(primary) ? reason : "first-usable") : "failover"));
        }
        if (plan.isEmpty() && !unconfigured.isEmpty()) {
            throw new TransientProviderException(unconfigured.get(0), "AUTH_FAILED", "no_credentials",
                    "no provider with credentials can send for this venue; missing: " + unconfigured.stream()
                            .map(p -> adapters.get(p).missingSettings()).collect(Collectors.joining("; ")), null);
        }
        if (!unconfigured.isEmpty()) {
            LOG.debug("Skipped providers without credentials: {}", unconfigured);
        }
        return plan;
    }

    /** Takes the next candidate off the plan, or null when none is left. */
    public Map<String, Object> next(List<Map<String, Object>> plan) {
        return plan == null || plan.isEmpty() ? null : plan.remove(0);
    }

    /** Whether another candidate is left to fail over to. */
    public boolean hasNext(List<Map<String, Object>> plan) {
        return plan != null && !plan.isEmpty();
    }

    /** The providers in a plan, for logs. */
    public String describe(List<Map<String, Object>> plan) {
        return plan.stream().map(c -> c.get("provider") + "(" + c.get("reason") + ")").collect(Collectors.joining(" > "));
    }

    private void requireConfigured(String provider, String why) {
        ProviderAdapter adapter = adapters.get(provider);
        if (adapter == null || !adapter.isConfigured()) {
            throw new TransientProviderException(provider, "AUTH_FAILED", "no_credentials", provider
                    + " must send (" + why + ") but " + (adapter == null ? "has no adapter" : adapter.missingSettings()
                    + " not set"), null);
        }
    }

    private static Map<String, Object> candidate(String provider, Map<String, Object> number, String reason) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("provider", provider);
        candidate.put("SenderNumberID", number == null ? null : number.get("SenderNumberID"));
        candidate.put("SenderNumber", number == null ? null : number.get("SenderNumber"));
        candidate.put("reason", reason);
        return candidate;
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }
}
