package com.tixtrack.sms.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventMetadataTest {

    private final EventMetadata metadata = new EventMetadata();

    @AfterEach
    void noCorrelationIdLeftOnThisThread() {
        // apply() outside a route leaves the key set (no exchange completes to remove it); later tests share the thread
        MDC.remove("correlationId");
    }

    private Exchange exchangeWith(String header, Object value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(header, value);
        metadata.apply(exchange);
        return exchange;
    }

    @Test
    void serviceBusFirstDeliveryCountsAsOne() {
        // Service Bus counts earlier deliveries: 0 on the first, so with max-deliveries 1 the first try is the last
        assertThat(exchangeWith("CamelAzureServiceBusDeliveryCount", 0).getProperty("deliveryCount")).isEqualTo(1);
        assertThat(exchangeWith("CamelAzureServiceBusDeliveryCount", 2).getProperty("deliveryCount")).isEqualTo(3);
    }

    @Test
    void jmsDeliveryCountIsTakenAsIs() {
        assertThat(exchangeWith("JMSXDeliveryCount", 1).getProperty("deliveryCount")).isEqualTo(1);
        assertThat(exchangeWith("JMSXDeliveryCount", 4).getProperty("deliveryCount")).isEqualTo(4);
    }

    @Test
    void withoutACountItIsTheFirstDelivery() {
        Exchange exchange = exchangeWith("unrelated", "x");
        assertThat(exchange.getProperty("deliveryCount")).isEqualTo(1);
        assertThat(exchange.getProperty("correlationId", String.class)).isNotBlank();
    }

    @Test
    void theCorrelationIdIsInTheMdcWhileTheEventRunsAndGoneAfterwards() throws Exception {
        List<String> seen = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:event").bean(metadata, "apply")
                            .process(exchange -> seen.add(MDC.get("correlationId")))
                            .filter(body().isEqualTo("bad")).throwException(new IllegalStateException("failed try"));
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            template.sendBodyAndHeader("direct:event", "good", "JMSCorrelationID", "corr-1");
            assertThat(MDC.get("correlationId")).as("after a handled event").isNull();
            Exchange failed = template.send("direct:event", exchange -> {
                exchange.getMessage().setBody("bad");
                exchange.getMessage().setHeader("JMSCorrelationID", "corr-2");
            });
            assertThat(failed.getException()).isNotNull();
            assertThat(MDC.get("correlationId")).as("after a failed event").isNull();
        }
        assertThat(seen).containsExactly("corr-1", "corr-2");
    }
}
