package com.tixtrack.sms.providers;

import static com.tixtrack.sms.providers.ProviderHealthTest.adapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The plan behind choose-provider: order, skipping, provisioning and pins, without a database. */
class ProviderChoiceTest {

    final ProviderRoutingProperties routing = new ProviderRoutingProperties();
    final ProviderPins pins = mock(ProviderPins.class);

    @Test
    void longestCountryPrefixWinsAndEnvironmentStyleKeysWork() {
        routing.setCountryRules(Map.of("+254", "plivo", "25471", "twilio", "+44", " plivo "));
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        assertThat(choice.countryRule("+254712345678")).isEqualTo("twilio");
        assertThat(choice.countryRule("+254722345678")).isEqualTo("plivo");
        assertThat(choice.countryRule("+447700900123")).isEqualTo("plivo");
        assertThat(choice.countryRule("+14155550101")).isNull();
    }

    @Test
    void onePrefixGivenTwiceWithDifferentProvidersStopsStartUp() {
        routing.setCountryRules(new java.util.LinkedHashMap<>(Map.of("254", "plivo")));
        routing.getCountryRules().put("+254", "twilio");

        assertThatThrownBy(() -> choice(true, adapter("twilio", true))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("254 twice");
    }

    @Test
    void emptyProviderDropsARule() {
        routing.setCountryRules(Map.of("254", ""));

        assertThat(choice(true, adapter("twilio", true)).countryRule("+254712345678")).isNull();
    }

    @Test
    void primaryFirstThenTheVenuesOtherNumbers() {
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        List<Map<String, Object>> plan = choice.plan("twilio", "venue-number",
                List.of(number(1, "twilio"), number(2, "plivo")), "key");

        assertThat(plan).extracting(c -> c.get("provider")).containsExactly("twilio", "plivo");
        assertThat(plan).extracting(c -> c.get("SenderNumberID")).containsExactly(1, 2);
        assertThat(plan).extracting(c -> c.get("reason")).containsExactly("venue-number", "failover");
    }

    @Test
    void primaryWithoutANumberIsProvisionedButFailoverOnlyGoesToExistingNumbers() {
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        List<Map<String, Object>> plan = choice.plan("plivo", "country-rule", List.of(number(1, "twilio")), "key");

        assertThat(plan).extracting(c -> c.get("provider")).containsExactly("plivo", "twilio");
        assertThat(plan.get(0).get("SenderNumber")).isNull(); // bought on first use
        assertThat(choice.plan("twilio", "venue-number", List.of(number(1, "twilio")), "key"))
                .extracting(c -> c.get("provider")).containsExactly("twilio"); // no Plivo number, none bought on failover
    }

    @Test
    void provisionOnFailoverAddsProvidersWhereTheVenueHasNoNumber() {
        routing.setProvisionOnFailover(true);
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        assertThat(choice.plan("twilio", "venue-number", List.of(number(1, "twilio")), "key"))
                .extracting(c -> c.get("provider")).containsExactly("twilio", "plivo");
    }

    @Test
    void withoutProvisioningAVenueWithoutNumbersHasAnEmptyPlan() {
        ProviderChoice choice = choice(false, adapter("twilio", true), adapter("plivo", true));

        assertThat(choice.plan("twilio", "default", List.of(), "key")).isEmpty();
    }

    @Test
    void providerWithoutCredentialsIsSkippedAndTheNextOneMayBeProvisioned() {
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", false));

        assertThat(choice.plan("plivo", "country-rule", List.of(number(2, "plivo")), "key"))
                .extracting(c -> c.get("provider"), c -> c.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("twilio", "first-usable"));
    }

    @Test
    void noProviderWithCredentialsIsATransientError() {
        ProviderChoice choice = choice(true, adapter("twilio", false), adapter("plivo", false));

        assertThatThrownBy(() -> choice.plan("twilio", "venue-number", List.of(number(1, "twilio")), "key"))
                .isInstanceOf(TransientProviderException.class)
                .isNotInstanceOf(AmbiguousProviderException.class)
                .hasMessageContaining("twilio credentials");
    }

    @Test
    void pinnedEventOnlyEverGoesToItsProvider() {
        when(pins.pinOf(eq("key"), any())).thenReturn(new ProviderPins.Pin("twilio", "2026-11-23T10:00:00Z"));
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        List<Map<String, Object>> plan = choice.plan("plivo", "country-rule",
                List.of(number(1, "twilio"), number(2, "plivo")), "key");

        assertThat(plan).extracting(c -> c.get("provider"), c -> c.get("SenderNumberID"), c -> c.get("pinnedSince"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("twilio", 1, "2026-11-23T10:00:00Z"));
    }

    @Test
    void unknownProviderNamesAreIgnored() {
        routing.setOrder(List.of("twilio", "plivio"));
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));

        assertThat(choice.plan("plivio", "default", List.of(number(1, "twilio")), "key"))
                .extracting(c -> c.get("provider")).containsExactly("twilio");
    }

    @Test
    void nextTakesCandidatesInOrder() {
        ProviderChoice choice = choice(true, adapter("twilio", true), adapter("plivo", true));
        List<Map<String, Object>> plan = choice.plan("twilio", "venue-number",
                List.of(number(1, "twilio"), number(2, "plivo")), "key");

        assertThat(choice.next(plan).get("provider")).isEqualTo("twilio");
        assertThat(choice.hasNext(plan)).isTrue();
        assertThat(choice.next(plan).get("provider")).isEqualTo("plivo");
        assertThat(choice.hasNext(plan)).isFalse();
        assertThat(choice.next(plan)).isNull();
    }

    private ProviderChoice choice(boolean provisioning, ProviderAdapter... adapters) {
        return new ProviderChoice(routing, List.of(adapters), pins, provisioning);
    }

    private static Map<String, Object> number(int id, String provider) {
        return Map.of("SenderNumberID", id, "SenderNumber", "+1500555000" + id, "Provider", provider);
    }
}
