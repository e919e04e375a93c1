package com.tixtrack.sms.providers.twilio;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.tixtrack.sms.providers.AmbiguousProviderException;
import com.tixtrack.sms.providers.ProviderAdapter;
import com.tixtrack.sms.providers.ProviderFailures;
import com.tixtrack.sms.providers.ProviderResult;
import com.tixtrack.sms.providers.TransientProviderException;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;

/**
 * The Twilio adapter's Java half, through the Twilio SDK: send a message, buy and release a number. It maps
 * Twilio's answers to {@link ProviderResult} (error names from {@code sms.providers.twilio.errors}); 5xx, 429,
 * rate limiting, credential failures and network errors are thrown as {@link TransientProviderException}, and a
 * failure after the request left (response timeout) as its ambiguous kind ({@link ProviderFailures}).
 */
@Component("twilioGateway")
public class TwilioGateway implements ProviderAdapter {

    static final String PROVIDER = "twilio";

    private final TwilioProperties properties;
    private final Environment environment;
    private volatile TwilioRestClient client;

    public TwilioGateway(TwilioProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public boolean isConfigured() {
        return properties.hasCredentials();
    }

    @Override
    public String missingSettings() {
        return properties.hasCredentials() ? "" : "sms.providers.twilio.account-sid, sms.providers.twilio.auth-token";
    }

    public Map<String, Object> send(String to, String from, String text, String statusCallback) {
        try {
            var creator = Message.creator(new PhoneNumber(to), new PhoneNumber(from), text);
            if (statusCallback != null && !statusCallback.isBlank()) {
                creator.setStatusCallback(URI.create(statusCallback));
            }
            Message message = creator.create(client());
            return ProviderResult.accepted(PROVIDER, message.getSid());
        } catch (ApiConnectionException e) {
            // refused (failover-able) or timed out after sending (ambiguous): retried by the route
            throw ProviderFailures.transportFailure(PROVIDER, e);
        } catch (ApiException e) {
            return rejectedOrThrow(e);
        }
    }

    /**
     * After an ambiguous send: the message Twilio took after all (same To, From and text, created since the
     * pin), as an accepted answer, or null when Twilio has no such message and sending again is safe.
     */
    public Map<String, Object> findSent(String to, String from, String text, String sinceIso) {
        java.time.ZonedDateTime since = java.time.Instant.parse(sinceIso).atZone(java.time.ZoneOffset.UTC);
        try {
            for (Message message : Message.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from))
                    .limit(50).read(client())) {
                boolean sameText = text == null || text.equals(message.getBody());
                boolean recent = message.getDateCreated() == null || !message.getDateCreated().isBefore(since);
                if (sameText && recent) {
                    return ProviderResult.accepted(PROVIDER, message.getSid());
                }
            }
            return null;
        } catch (ApiConnectionException | ApiException e) {
            // unsure still: try again later rather than risk a second message
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "lookup",
                    "could not check whether Twilio took the message: " + e.getMessage(), e);
        }
    }

    /** Buys a local SMS-capable number in the venue's country: {phoneNumber, providerId}. */
    public Map<String, Object> buyNumber(String venueCountry, String smsWebhookUrl) {
        String countryCode = venueCountry == null || venueCountry.isBlank() ? "US" : venueCountry;
        try {
            Local available = Local.reader(countryCode).setSmsEnabled(true).limit(1).read(client())
                    .iterator().next();
            var creator = IncomingPhoneNumber.creator(available.getPhoneNumber());
            if (smsWebhookUrl != null && !smsWebhookUrl.isBlank()) {
                creator.setSmsUrl(URI.create(smsWebhookUrl));
            }
            IncomingPhoneNumber bought = creator.create(client());
            Map<String, Object> number = new LinkedHashMap<>();
            number.put("phoneNumber", bought.getPhoneNumber().toString());
            number.put("providerId", bought.getSid());
            number.put("provider", PROVIDER);
            return number;
        } catch (ApiException e) {
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", String.valueOf(e.getCode()),
                    "could not buy a number in " + countryCode + ": " + e.getMessage(), e);
        } catch (java.util.NoSuchElementException e) {
            throw new TransientProviderException(PROVIDER, "PROVIDER_ERROR", "no_numbers",
                    "no SMS-capable number available in " + countryCode, e);
        }
    }

    /** Gives back a number bought for nothing (another instance won the race to provision the venue). */
    public void releaseNumber(String providerId) {
        IncomingPhoneNumber.deleter(providerId).delete(client());
    }

    private Map<String, Object> rejectedOrThrow(ApiException e) {
        String code = e.getCode() == null ? null : String.valueOf(e.getCode());
        Integer status = e.getStatusCode();
        if (status == null) {
            // the SDK wraps the HTTP client's IOException (refused, response timeout, ...) without a status
            throw ProviderFailures.transportFailure(PROVIDER, e);
        }
        String error = code == null ? null : properties.getErrors().get(code);
        if (ProviderFailures.isAmbiguousStatus(status)) {
            throw new AmbiguousProviderException(PROVIDER, "http_" + status,
                    "gateway timeout in front of Twilio, the message may have been accepted: " + e.getMessage(), e);
        }
        if (ProviderFailures.isTransient(status, error)) {
            throw new TransientProviderException(PROVIDER, error == null ? "PROVIDER_ERROR" : error,
                    code == null ? "http_" + status : code, e.getMessage(), e);
        }
        return ProviderResult.rejected(PROVIDER, error == null ? "PROVIDER_ERROR" : error,
                code == null ? "http_" + status : code, e.getMessage());
    }

    /** Read when first needed: locally it points at this service's own port, known only once the server runs. */
    private String baseUrl() {
        return environment.getProperty("sms.providers.twilio.base-url", properties.getBaseUrl());
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    if (!properties.hasCredentials()) {
                        throw new TransientProviderException(PROVIDER, "AUTH_FAILED", "no_credentials",
                                "sms.providers.twilio.account-sid / auth-token are not set", null);
                    }
                    client = new TwilioRestClient.Builder(properties.getAccountSid(), properties.getAuthToken())
                            .httpClient(new BaseUrlHttpClient(baseUrl(),
                                    properties.getConnectTimeoutMs(), properties.getResponseTimeoutMs(),
                                    properties.getMaxConnections()))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }
}
