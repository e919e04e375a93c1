package com.tixtrack.sms.webhooks;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What an inbound SMS asks for, by the carrier-standard keywords: the whole body, trimmed and case-insensitive.
 * Twilio's {@code OptOutType} (STOP, START, HELP), sent when its Advanced Opt-Out matched a keyword (possibly a
 * custom one), takes precedence. Routes call {@code bean:smsKeywords?method=action(...)}.
 */
@Component("smsKeywords")
public class SmsKeywords {

    public static final String OPT_OUT = "opt-out";
    public static final String OPT_IN = "opt-in";
    public static final String HELP = "help";
    public static final String NONE = "none";

    static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
    static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    /** {@value #OPT_OUT}, {@value #OPT_IN}, {@value #HELP} or {@value #NONE}. */
    public String action(String body, String optOutType) {
        if (optOutType != null && !optOutType.isBlank()) {
            switch (optOutType.trim().toUpperCase(Locale.ROOT)) {
                case "STOP":
                    return OPT_OUT;
                case "START":
                    return OPT_IN;
                case "HELP":
                    return HELP;
                default:
                    // an OptOutType we do not know: fall back to the body
            }
        }
        if (body == null) {
            return NONE;
        }
        String word = body.trim().toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (OPT_IN_WORDS.contains(word)) {
            return OPT_IN;
        }
        if (HELP_WORDS.contains(word)) {
            return HELP;
        }
        return NONE;
    }
}
