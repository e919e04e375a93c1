package com.tixtrack.sms.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.tixtrack.sms.api.ProblemException;
import com.tixtrack.sms.phone.PhoneNumbers;
import com.twilio.security.RequestValidator;

/**
 * Reads provider webhooks for the routes in {@code webhooks.camel.yaml}: checks the signature against the public
 * URL the provider called ({@code sms.webhooks.public-base-url} + path + query, so it holds behind a proxy), and
 * puts what the flow needs into exchange variables. Nothing here logs a phone number, token or signature.
 *
 * <p>Variables set by {@code read*Inbound}: {@code provider}, {@code messageId}, {@code fromNumber} (E.164, or null
 * when the sender is not a valid phone number), {@code toNumber}, {@code messageText}, {@code optOutType}. By
 * {@code read*Status}: {@code provider}, {@code providerMessageId}, {@code deliveryStatus} (queued, sent, delivered,
 * undelivered, failed, or null for a status we do not track), {@code deliveryRank} (1 queued, 2 sent, 3 final),
 * {@code errorCode}.
 */
@Component("webhookRequests")
public class WebhookRequests {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequests.class);

    static final String PARAMS = "webhookParams";

    private final Environment environment;
    private final String twilioAuthToken;
    private final String plivoAuthToken;
    private final PhoneNumbers phoneNumbers;

    public WebhookRequests(Environment environment,
            @Value("${sms.providers.twilio.auth-token:}") String twilioAuthToken,
            @Value("${sms.providers.plivo.auth-token:}") String plivoAuthToken, PhoneNumbers phoneNumbers) {
        this.environment = environment;
        this.twilioAuthToken = twilioAuthToken;
        this.plivoAuthToken = plivoAuthToken;
        this.phoneNumbers = phoneNumbers;
    }

    /** True when {@code X-Twilio-Signature} matches, by the Twilio SDK's {@link RequestValidator}. */
    public boolean verifyTwilio(Exchange exchange) {
        String signature = exchange.getMessage().getHeader("X-Twilio-Signature", String.class);
        Map<String, List<String>> params = params(exchange);
        if (signature == null || signature.isBlank() || twilioAuthToken.isBlank()) {
            return false;
        }
        Map<String, String> single = new LinkedHashMap<>();
        params.forEach((k, v) -> single.put(k, v.get(0)));
        return new RequestValidator(twilioAuthToken).validate(publicUrl(exchange), single, signature);
    }

    /** True when {@code X-Plivo-Signature-V3} matches for {@code X-Plivo-Signature-V3-Nonce}. */
    public boolean verifyPlivo(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, List<String>> params = params(exchange);
        return PlivoSignatureV3.isValid(message.getHeader(Exchange.HTTP_METHOD, "POST", String.class),
                publicUrl(exchange), params, message.getHeader("X-Plivo-Signature-V3-Nonce", String.class),
                message.getHeader("X-Plivo-Signature-V3", String.class), plivoAuthToken);
    }

    /** An inbound Twilio message: MessageSid, From, To, Body, OptOutType. */
    public void readTwilioInbound(Exchange exchange) {
        Map<String, List<String>> p = params(exchange);
        inbound(exchange, "twilio", first(p, "MessageSid"), first(p, "From"), first(p, "To"), first(p, "Body"),
                first(p, "OptOutType"));
    }

    /** An inbound Plivo message: MessageUUID, From, To, Text (Plivo's numbers come without the leading +). */
    public void readPlivoInbound(Exchange exchange) {
        Map<String, List<String>> p = params(exchange);
        inbound(exchange, "plivo", first(p, "MessageUUID"), plus(first(p, "From")), plus(first(p, "To")),
                first(p, "Text"), null);
    }

    /** A Twilio status callback: MessageSid, MessageStatus (SmsStatus on old accounts), ErrorCode. */
    public void readTwilioStatus(Exchange exchange) {
        Map<String, List<String>> p = params(exchange);
        String status = first(p, "MessageStatus") != null ? first(p, "MessageStatus") : first(p, "SmsStatus");
        status(exchange, "twilio", first(p, "MessageSid"), status, first(p, "ErrorCode"));
    }

    /** A Plivo status callback: MessageUUID, Status, ErrorCode. */
    public void readPlivoStatus(Exchange exchange) {
        Map<String, List<String>> p = params(exchange);
        status(exchange, "plivo", first(p, "MessageUUID"), first(p, "Status"), first(p, "ErrorCode"));
    }

    private void inbound(Exchange exchange, String provider, String messageId, String from, String to, String text,
            String optOutType) {
        requireId(provider, messageId, "inbound message");
        exchange.setVariable("provider", provider);
        exchange.setVariable("messageId", messageId);
        exchange.setVariable("toNumber", to);
        exchange.setVariable("messageText", text);
        exchange.setVariable("optOutType", optOutType);
        String e164 = null;
        if (from != null && phoneNumbers.isValid(from)) {
            e164 = phoneNumbers.toE164(from);
        } else {
            LOG.info("{} inbound message {} from {} is not from a valid phone number; no consent change", provider,
                    messageId, PhoneNumbers.mask(from));
        }
        exchange.setVariable("fromNumber", e164);
    }

    private void status(Exchange exchange, String provider, String providerMessageId, String providerStatus,
            String errorCode) {
        requireId(provider, providerMessageId, "status callback");
        String status = deliveryStatus(providerStatus);
        exchange.setVariable("provider", provider);
        exchange.setVariable("providerMessageId", providerMessageId);
        exchange.setVariable("providerStatus", providerStatus);
        exchange.setVariable("deliveryStatus", status);
        exchange.setVariable("deliveryRank", rank(status));
        exchange.setVariable("errorCode", errorCode == null || errorCode.isBlank() || errorCode.matches("0+")
                ? null : errorCode.trim());
    }

    /** The history status a provider's message status moves to, or null for one we do not track. */
    static String deliveryStatus(String providerStatus) {
        if (providerStatus == null) {
            return null;
        }
        return switch (providerStatus.trim().toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued" -> "queued";
            case "sending", "sent" -> "sent";
            case "delivered", "read" -> "delivered";
            case "undelivered" -> "undelivered";
            case "failed", "rejected", "canceled" -> "failed";
            default -> null;
        };
    }

    /** Statuses only move forward: queued (1) to sent (2) to one of the final ones (3). */
    static Integer rank(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "queued" -> 1;
            case "sent" -> 2;
            default -> 3;
        };
    }

    private static void requireId(String provider, String id, String what) {
        if (id == null || id.isBlank()) {
            throw ProblemException.badRequest(provider + " " + what + " without a message id");
        }
        if (id.length() > 90) {
            throw ProblemException.badRequest(provider + " " + what + " with a message id longer than 90 characters");
        }
    }

    private static String plus(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String n = number.trim();
        return n.startsWith("+") ? n : "+" + n;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The URL the provider called: the public base URL, the request path and its query. */
    String publicUrl(Exchange exchange) {
        Message message = exchange.getMessage();
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        return publicBaseUrl() + (path == null ? "" : path) + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** Read per request: locally it names this service's own port, known only once the server runs. */
    private String publicBaseUrl() {
        String url = environment.getRequiredProperty("sms.webhooks.public-base-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The form parameters, decoded, in the order sent; read once and kept in a variable. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> params(Exchange exchange) {
        Object cached = exchange.getVariable(PARAMS);
        if (cached instanceof Map<?, ?> map) {
            return (Map<String, List<String>>) map;
        }
        Map<String, List<String>> params = parseForm(exchange.getMessage().getBody(String.class));
        exchange.setVariable(PARAMS, params);
        return params;
    }

    /** application/x-www-form-urlencoded, leniently: a pair without '=' is a name with an empty value. */
    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("the form body is not valid application/x-www-form-urlencoded");
            }
        }
        return params;
    }
}
