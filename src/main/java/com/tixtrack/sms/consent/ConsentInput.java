package com.tixtrack.sms.consent;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.tixtrack.sms.api.ProblemException;
import com.tixtrack.sms.phone.PhoneNumbers;

/**
 * Checks the input headers of the shared {@code consent-opt-out} / {@code consent-opt-in} routes and normalises
 * them in place: {@code venueId} to an Integer, {@code phoneNumber} to E.164, {@code consentSource} to one of the
 * {@code ConsentSources} names. A bad header fails the exchange with a {@link ProblemException} (400 when the
 * caller is a REST route), so a typo in a calling route cannot write a wrong consent row.
 */
@Component("consentInput")
public class ConsentInput {

    public static final Set<String> SOURCES = Set.of("checkout", "account_settings", "sms_keyword", "provider");

    private final PhoneNumbers phoneNumbers;

    public ConsentInput(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public void validate(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader("venueId", venueId(message.getHeader("venueId")));
        message.setHeader("phoneNumber", phoneNumbers.toE164(message.getHeader("phoneNumber", String.class)));
        String source = message.getHeader("consentSource", String.class);
        if (source == null || !SOURCES.contains(source)) {
            throw ProblemException.badRequest("consentSource must be one of " + SOURCES);
        }
    }

    /** A positive int venue id from an Integer, Long or String. */
    public static int venueId(Object raw) {
        if (raw instanceof Integer i && i > 0) {
            return i;
        }
        if (raw instanceof Long l && l > 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (raw instanceof String s && s.trim().matches("\\d{1,10}")) {
            long value = Long.parseLong(s.trim());
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw ProblemException.badRequest("venueId must be a positive integer");
    }
}
