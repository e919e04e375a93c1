package com.tixtrack.sms.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.phone.PhoneNumbers;

class OrderEventsTest {

    final OrderEvents events = new OrderEvents(new ObjectMapper(), new PhoneNumbers("US"));

    @Test
    void readsTheEnrichedShapeInEitherCase() {
        Map<String, Object> event = events.parse("""
                {"orderId": "0d000000-0000-0000-0000-000000000001", "VENUEID": 3,
                 "CustomerId": "c0000000-0000-0000-0000-000000000001", "PhoneNumber": "(415) 555-0101",
                 "OrderTotal": "84.5", "TicketCount": 2}""", "SendOrderConfirmationSms");

        assertThat(event).containsEntry("venueId", 3).containsEntry("phoneNumber", "+14155550101")
                .containsEntry("orderTotal", new java.math.BigDecimal("84.50"))
                .containsEntry("eventKey", "SendOrderConfirmationSms:0d000000-0000-0000-0000-000000000001");
    }

    @Test
    void thinShapeLeavesTheRestToTheOrder() {
        Map<String, Object> event = events.parse("""
                {"OrderId": "0d000000-0000-0000-0000-000000000001", "CustomerId": "c0000000-0000-0000-0000-000000000001"}""",
                "SendOrderConfirmationSms");

        events.completeFromOrder(event, Map.of("VenueID", 1, "PhoneNumber", "+14155550101", "FirstName", "Ada",
                "OrderNumber", "BR-1", "EventName", "Gig", "CountryCode", "US"));

        assertThat(event).containsEntry("venueId", 1).containsEntry("phoneNumber", "+14155550101")
                .containsEntry("customerName", "Ada").containsEntry("venueCountry", "US");
    }

    @Test
    void saysEverythingThatIsWrongAtOnce() {
        assertThatThrownBy(() -> events.parse("""
                {"OrderId": "nope", "TicketCount": 0, "OrderTotal": "-1"}""", "SendOrderConfirmationSms"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("OrderId is not a UUID")
                .hasMessageContaining("CustomerId is required")
                .hasMessageContaining("TicketCount is not a positive whole number")
                .hasMessageContaining("ordertotal is negative".replace("ordertotal", "OrderTotal"));
        assertThatThrownBy(() -> events.parse("[]", "X")).hasMessage("payload is not a JSON object");
        assertThatThrownBy(() -> events.parse("", "X")).hasMessage("payload is empty");
    }
}
