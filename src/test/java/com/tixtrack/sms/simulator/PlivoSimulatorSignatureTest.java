package com.tixtrack.sms.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.tixtrack.sms.providers.plivo.PlivoProperties;

/** The simulator signs status callbacks the way Plivo does (X-Plivo-Signature-V3), so webhook checks pass locally. */
class PlivoSimulatorSignatureTest {

    @Test
    void signsLikePlivosV3Algorithm() {
        PlivoProperties plivo = new PlivoProperties();
        plivo.setAuthId("MALOCAL0000000000000");
        plivo.setAuthToken("local-plivo-auth-token");
        PlivoSimulator simulator = new PlivoSimulator(plivo, new SimulatorProperties());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("From", "15005550006");
        form.add("To", "14155550101");
        form.add("MessageUUID", "6f1b1d1e-0000-4000-8000-000000000001");
        form.add("Status", "delivered");
        form.add("Units", "1");
        form.add("MessageTime", "2026-11-23 10:00:00");

        // computed with the webhook side's verifier (plivo-python's algorithm: url?sorted name+value pairs.nonce)
        assertThat(simulator.signV3("http://localhost:8080/webhook/plivo/status", form, "12345678901234567890"))
                .isEqualTo("SwpkUFq4dML9vSBNq8dffUuQNmeNxc5EwBWXr++YvDM=");
    }
}
