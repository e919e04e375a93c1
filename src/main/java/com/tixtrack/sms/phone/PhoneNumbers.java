package com.tixtrack.sms.phone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers through libphonenumber: parse anything a customer typed into E.164, and mask a number
 * to its last four digits for logs and listings. Routes call it as {@code bean:phoneNumbers}.
 */
@Component("phoneNumbers")
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(@Value("${sms.phone.default-region:US}") String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The number in E.164 (+14155550101), or {@link InvalidPhoneNumberException} saying why not. */
    public String toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhoneNumberException("phone number is missing");
        }
        PhoneNumber parsed;
        try {
            parsed = UTIL.parse(raw.trim(), defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("phone number " + mask(raw) + " cannot be parsed: " + e.getMessage());
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException("phone number " + mask(raw) + " is not a valid number");
        }
        return UTIL.format(parsed, PhoneNumberFormat.E164);
    }

    /** True when {@link #toE164} would accept the number. */
    public boolean isValid(String raw) {
        try {
            toE164(raw);
            return true;
        } catch (InvalidPhoneNumberException e) {
            return false;
        }
    }

    /** The region code (US, KE, ...) of an E.164 number, used for country-prefix provider rules. */
    public String regionOf(String e164) {
        try {
            return UTIL.getRegionCodeForNumber(UTIL.parse(e164, defaultRegion));
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("phone number " + mask(e164) + " cannot be parsed: " + e.getMessage());
        }
    }

    /** Only the last four digits survive: {@code +14155550101} becomes {@code +*******0101}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("\\D", "");
        if (digits.length() <= 4) {
            return "****";
        }
        return "+" + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /** Same as {@link #mask(String)}, for routes ({@code ${bean:phoneNumbers?method=masked(${header.phone})}}). */
    public String masked(String number) {
        return mask(number);
    }

    /** A number that is not a valid phone number; the message says why and shows only the last four digits. */
    public static class InvalidPhoneNumberException extends IllegalArgumentException {
        public InvalidPhoneNumberException(String message) {
            super(message);
        }
    }
}
