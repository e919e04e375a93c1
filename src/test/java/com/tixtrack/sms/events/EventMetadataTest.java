package com.tixtrack.sms.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    private final EventMetadata metadata = new EventMetadata();

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
}
