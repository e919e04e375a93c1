package com.tixtrack.sms.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With provisioning off, a venue without a number gets outcome failed / no_sender_number, and nothing is bought. */
@TestPropertySource(properties = "sms.provisioning.enabled=false")
class ProvisioningDisabledTest extends FlowTestSupport {

    @Test
    void venueWithoutANumberFailsWithNoSenderNumber() {
        Order order = order("confirmed", false);
        consent(order, "opted_in");

        publish(enrichedEvent(order));

        eventually().until(() -> historyOf(order) != null);
        assertThat(historyOf(order).get("StatusName")).isEqualTo("failed");
        assertThat(historyOf(order).get("ErrorCode")).isEqualTo("no_sender_number");
        assertThat(TWILIO.findAll(anyRequestedFor(urlPathMatching(".*PhoneNumbers.*")))).isEmpty();
        assertThat(smsSentTo(order.phone())).isEmpty();
    }
}
