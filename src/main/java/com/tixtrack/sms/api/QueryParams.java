package com.tixtrack.sms.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriUtils;

/**
 * A raw query string as name -> value, taken from the request line itself (never from same-named HTTP headers).
 * Unknown and repeated parameters are refused, so a typo ({@code venue=1}) is a 400 instead of an unfiltered
 * result. Only %-escapes are decoded: a '+' stays a '+' (phone numbers, UTC offsets), as no value here has spaces.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Map<String, String> parse(String rawQuery, Set<String> allowed) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = UriUtils.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : UriUtils.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("the query string has a malformed %-escape");
            }
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest("unknown query parameter '" + name + "'; allowed: " + allowed);
            }
            if (params.put(name, value) != null) {
                throw ProblemException.badRequest("query parameter '" + name + "' given more than once");
            }
        }
        return params;
    }
}
