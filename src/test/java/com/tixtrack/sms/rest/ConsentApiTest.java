package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** /api/consent over HTTP, and the shared consent-opt-out / consent-opt-in routes other flows call. */
class ConsentApiTest extends RestApiTestSupport {

    @Autowired
    ProducerTemplate producer;

    String body(int venue, String phone, String source, Boolean optIn) {
        return "{\"venueId\": " + venue + ", \"phoneNumber\": \"" + phone + "\", \"source\": \"" + source + "\""
                + (optIn == null ? "" : ", \"optIn\": " + optIn) + "}";
    }

    @Test
    void getReturnsTheRecord() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_in", "checkout");

        ResponseEntity<String> response = get("/api/consent/" + venue + "/" + phone, READER_KEY);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
        JsonNode record = json(response);
        assertThat(record.get("venueId").asInt()).isEqualTo(venue);
        assertThat(record.get("phoneNumber").asText()).isEqualTo(phone);
        assertThat(record.get("status").asText()).isEqualTo("opted_in");
        assertThat(record.get("source").asText()).isEqualTo("checkout");
        assertThat(record.get("initialConsentAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(record.get("optedInAt").asText()).endsWith("Z");
        assertThat(record.get("optedOutAt").isNull()).isTrue();
        assertThat(record.get("updatedAt").asText()).endsWith("Z");
    }

    @Test
    void getAcceptsTheNumberAsTypedOrEncoded() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_in", "checkout");

        assertThat(get("/api/consent/" + venue + "/%2B" + phone.substring(1), READER_KEY).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get("/api/consent/" + venue + "/" + phone.substring(1), READER_KEY).getStatusCode().value())
                .as("a US number without +").isEqualTo(200);
    }

    @Test
    void getIs404WithoutARecordAnd400ForABadPhoneOrVenue() {
        assertThat(assertProblem(get("/api/consent/" + newVenue() + "/" + newPhone(), READER_KEY), 404)
                .get("detail").asText()).contains("no consent record");
        JsonNode invalid = assertProblem(get("/api/consent/" + newVenue() + "/+1415555", READER_KEY), 400);
        assertThat(invalid.get("detail").asText()).contains("not a valid number").doesNotContain("1415555");
        assertProblem(get("/api/consent/" + newVenue() + "/not-a-number", READER_KEY), 400);
        assertProblem(get("/api/consent/abc/" + newPhone(), READER_KEY), 400);
        assertProblem(get("/api/consent/0/" + newPhone(), READER_KEY), 400);
        assertProblem(get("/api/consent/99999999999/" + newPhone(), READER_KEY), 400);
    }

    @Test
    void checkoutConsentCreatesAnOptIn() {
        int venue = newVenue();
        String phone = newPhone();
        double optIns = counter("sms.opt_in.total", "source", "checkout");

        ResponseEntity<String> response = postJson("/api/consent", body(venue, "(" + phone.substring(2, 5) + ") "
                + phone.substring(5, 8) + "-" + phone.substring(8), "checkout", null), READER_KEY);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode record = json(response);
        assertThat(record.get("phoneNumber").asText()).as("stored as E.164").isEqualTo(phone);
        assertThat(record.get("status").asText()).isEqualTo("opted_in");
        assertThat(record.get("source").asText()).isEqualTo("checkout");
        assertThat(record.get("changed").asBoolean()).isTrue();
        Map<String, Object> row = consentRow(venue, phone);
        assertThat(row.get("InitialConsentAt")).isNotNull();
        assertThat(row.get("OptedInAt")).isNotNull();
        assertThat(counter("sms.opt_in.total", "source", "checkout")).isEqualTo(optIns + 1);

        // the same consent again changes nothing and counts nothing
        assertThat(json(postJson("/api/consent", body(venue, phone, "checkout", true), READER_KEY)).get("changed")
                .asBoolean()).isFalse();
        assertThat(counter("sms.opt_in.total", "source", "checkout")).isEqualTo(optIns + 1);
    }

    @Test
    void aCheckoutNeverOverridesAnOptOut() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_out", "checkout");
        Object optedOutAt = consentRow(venue, phone).get("OptedOutAt");

        ResponseEntity<String> response = postJson("/api/consent", body(venue, phone, "checkout", true), READER_KEY);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("opted_out");
        assertThat(json(response).get("changed").asBoolean()).isFalse();
        assertThat(consentStatus(venue, phone)).isEqualTo("opted_out");
        assertThat(consentRow(venue, phone).get("OptedOutAt")).isEqualTo(optedOutAt);
    }

    @Test
    void theConsumersOwnAccountSettingsDoOverrideAnOptOutKeepingEveryTimestamp() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_in", "checkout");
        Timestamp initial = (Timestamp) consentRow(venue, phone).get("InitialConsentAt");

        assertThat(json(postJson("/api/consent", body(venue, phone, "account_settings", false), ADMIN_KEY))
                .get("status").asText()).isEqualTo("opted_out");
        Timestamp optedOut = (Timestamp) consentRow(venue, phone).get("OptedOutAt");
        JsonNode back = json(postJson("/api/consent", body(venue, phone, "account_settings", true), READER_KEY));

        assertThat(back.get("status").asText()).isEqualTo("opted_in");
        assertThat(back.get("changed").asBoolean()).isTrue();
        assertThat(back.get("source").asText()).as("the first source is kept").isEqualTo("checkout");
        Map<String, Object> row = consentRow(venue, phone);
        assertThat(row.get("InitialConsentAt")).isEqualTo(initial);
        assertThat(row.get("OptedOutAt")).isEqualTo(optedOut);
        assertThat((Timestamp) row.get("OptedInAt")).isAfterOrEqualTo(optedOut);
    }

    @Test
    void malformedBodiesAre400Problems() {
        int venue = newVenue();
        String phone = newPhone();
        assertProblem(postJson("/api/consent", "{\"venueId\": ", READER_KEY), 400);
        assertProblem(postJson("/api/consent", "[1, 2]", READER_KEY), 400);
        assertProblem(postJson("/api/consent", "", READER_KEY), 400);
        assertProblem(postJson("/api/consent", body(venue, "12", "checkout", null), READER_KEY), 400);
        assertProblem(postJson("/api/consent", body(venue, phone, "sms_keyword", null), READER_KEY), 400);
        assertProblem(postJson("/api/consent", "{\"venueId\": \"seven\", \"phoneNumber\": \"" + phone
                + "\", \"source\": \"checkout\"}", READER_KEY), 400);
        assertProblem(postJson("/api/consent", "{\"venueId\": 1.5, \"phoneNumber\": \"" + phone
                + "\", \"source\": \"checkout\"}", READER_KEY), 400);
        assertProblem(postJson("/api/consent", "{\"venueId\": " + venue + ", \"phoneNumber\": \"" + phone
                + "\", \"source\": \"checkout\", \"optIn\": \"yes\"}", READER_KEY), 400);
        assertThat(consentStatus(venue, phone)).isNull();
    }

    // --- the shared routes ------------------------------------------------------------------------------------

    Exchange call(String route, int venue, String phone, String source) {
        return producer.request(route, e -> {
            e.getMessage().setBody("the caller's body");
            e.getMessage().setHeader("venueId", venue);
            e.getMessage().setHeader("phoneNumber", phone);
            e.getMessage().setHeader("consentSource", source);
        });
    }

    @Test
    void providerOptOutThroughTheSharedRouteCountsOnlyRealChanges() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_in", "checkout");
        double optOuts = counter("sms.opt_out.total", "source", "provider");

        Exchange first = call("direct:consent-opt-out", venue, phone, "provider");
        Exchange second = call("direct:consent-opt-out", venue, phone, "provider");

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader("consentChanged")).isEqualTo(true);
        assertThat(first.getMessage().getHeader("consentStatus")).isEqualTo("opted_out");
        assertThat(first.getMessage().getBody()).as("the caller's body is left alone").isEqualTo("the caller's body");
        assertThat(second.getMessage().getHeader("consentChanged")).isEqualTo(false);
        assertThat(consentStatus(venue, phone)).isEqualTo("opted_out");
        assertThat(counter("sms.opt_out.total", "source", "provider")).isEqualTo(optOuts + 1);
    }

    @Test
    void theSharedOptInRouteKeepsAnOptOutAgainstACheckout() {
        int venue = newVenue();
        String phone = newPhone();
        consent(venue, phone, "opted_out", "account_settings");

        Exchange checkout = call("direct:consent-opt-in", venue, phone, "checkout");
        assertThat(checkout.getMessage().getHeader("consentChanged")).isEqualTo(false);
        assertThat(checkout.getMessage().getHeader("consentStatus")).isEqualTo("opted_out");

        Exchange keyword = call("direct:consent-opt-in", venue, phone, "sms_keyword");
        assertThat(keyword.getMessage().getHeader("consentChanged")).isEqualTo(true);
        assertThat(consentStatus(venue, phone)).isEqualTo("opted_in");
    }

    @Test
    void theSharedRoutesRefuseBadHeadersWithoutWriting() {
        int venue = newVenue();
        String phone = newPhone();
        assertThatThrownBy(() -> producer.requestBodyAndHeaders("direct:consent-opt-out", null,
                Map.of("venueId", venue, "phoneNumber", phone, "consentSource", "whim")))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage("consentSource must be one of "
                        + com.tixtrack.sms.consent.ConsentInput.SOURCES);
        assertThatThrownBy(() -> producer.requestBodyAndHeaders("direct:consent-opt-out", null,
                Map.of("venueId", "x", "phoneNumber", phone, "consentSource", "provider")))
                .isInstanceOf(CamelExecutionException.class);
        assertThat(consentStatus(venue, phone)).isNull();
    }
}
