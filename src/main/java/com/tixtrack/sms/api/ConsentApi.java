package com.tixtrack.sms.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tixtrack.sms.consent.ConsentInput;
import com.tixtrack.sms.phone.PhoneNumbers;

/**
 * Request parsing and response shaping for {@code /api/consent} (the routes in {@code consent.camel.yaml} call it as
 * {@code bean:consentApi}). Sets the same headers the shared consent routes take: {@code venueId},
 * {@code phoneNumber} (E.164) and {@code consentSource}; a bad value is a 400 problem saying which field.
 */
@Component("consentApi")
public class ConsentApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PhoneNumbers phoneNumbers;

    public ConsentApi(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** GET /api/consent/{venueId}/{phone}: the path parameters as headers venueId and phoneNumber. */
    public void parseLookup(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader("venueId", ConsentInput.venueId(message.getHeader("venueId")));
        String phone = message.getHeader("phone", String.class);
        // a path segment keeps '+' literally; %2B and other escapes are decoded
        String decoded = phone == null ? null : UriUtils.decode(phone, StandardCharsets.UTF_8);
        message.setHeader("phoneNumber", phoneNumbers.toE164(decoded));
        message.removeHeader("phone");
    }

    /**
     * POST /api/consent: {@code {venueId, phoneNumber, source, optIn}} into headers venueId, phoneNumber,
     * consentSource and the variable optIn (default true). Only the consumer's own choices come in here, so source
     * is checkout or account_settings.
     */
    public void parseRecord(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("a JSON body {venueId, phoneNumber, source, optIn} is required");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object {venueId, phoneNumber, source, optIn}");
        }
        JsonNode venueId = json.get("venueId");
        if (venueId == null || !venueId.isIntegralNumber() || !venueId.canConvertToInt() || venueId.intValue() <= 0) {
            throw ProblemException.badRequest("venueId must be a positive integer");
        }
        JsonNode phone = json.get("phoneNumber");
        if (phone == null || !phone.isTextual()) {
            throw ProblemException.badRequest("phoneNumber must be a string");
        }
        JsonNode source = json.get("source");
        if (source == null || !source.isTextual()
                || !(source.asText().equals("checkout") || source.asText().equals("account_settings"))) {
            throw ProblemException.badRequest("source must be checkout or account_settings");
        }
        JsonNode optIn = json.get("optIn");
        if (optIn != null && !optIn.isNull() && !optIn.isBoolean()) {
            throw ProblemException.badRequest("optIn must be true or false");
        }
        Message message = exchange.getMessage();
        message.setHeader("venueId", venueId.intValue());
        message.setHeader("phoneNumber", phoneNumbers.toE164(phone.asText()));
        message.setHeader("consentSource", source.asText());
        exchange.setVariable("optIn", optIn == null || optIn.isNull() || optIn.booleanValue());
        message.setBody(null);
    }

    /** A consent row as the API shows it: {@code {venueId, phoneNumber, status, source, ...At}}. */
    public Map<String, Object> record(Map<String, Object> row) {
        return ApiRows.row(row);
    }

    /** The record after POST, with {@code changed}: whether this request changed the status. */
    public Map<String, Object> recorded(Map<String, Object> record, boolean changed) {
        Map<String, Object> out = new LinkedHashMap<>(record);
        out.put("changed", changed);
        return out;
    }
}
