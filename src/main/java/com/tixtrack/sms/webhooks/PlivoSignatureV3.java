package com.tixtrack.sms.webhooks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plivo's V3 webhook signature ({@code X-Plivo-Signature-V3}, {@code X-Plivo-Signature-V3-Nonce}), as the Plivo
 * SDKs compute it (plivo-python {@code utils/signature_v3.py}, plivo-go {@code ComputeSignatureV3}); there is no
 * Plivo Java SDK in our registry, and the algorithm is small:
 *
 * <pre>
 * base = scheme://host[:port]/path                    the URL Plivo called, without its query
 * POST: base += "?" + sorted query "k=v&amp;k=v"        only when the URL had a query or the POST has params
 *       base += "."                                  only when it had both
 *       base += sorted POST params as key + value    no separators; repeated keys: each value, sorted
 * GET:  base += "?" + sorted (query + params) "k=v&amp;k=v", when there are any
 * signature = Base64(HMAC-SHA256(auth token, base + "." + nonce))
 * </pre>
 *
 * The header may hold several comma-separated signatures (while an auth token is rotated): any match passes.
 * Keys sort by their UTF-16 code units, which is the SDKs' byte order for everything Plivo sends.
 *
 * <p>Non-ASCII text: plivo-go and plivo-node sign the UTF-8 bytes; plivo-python UTF-8-encodes them a second time
 * (its {@code string_format} reads the bytes as Latin-1). Which one Plivo's servers match is not documented, so a
 * payload with non-ASCII characters is accepted under either; both are HMACs under the same secret.
 */
public final class PlivoSignatureV3 {

    private PlivoSignatureV3() {
    }

    /** The signature Plivo would send for this request. */
    public static String compute(String method, String url, Map<String, List<String>> params, String nonce,
            String authToken) {
        return hmac(authToken, (signedUrl(method, url, params) + "." + nonce).getBytes(StandardCharsets.UTF_8));
    }

    /** The signature as plivo-python computes it for non-ASCII text (UTF-8 encoded twice). */
    static String computeDoubleEncoded(String method, String url, Map<String, List<String>> params, String nonce,
            String authToken) {
        byte[] utf8 = (signedUrl(method, url, params) + "." + nonce).getBytes(StandardCharsets.UTF_8);
        return hmac(authToken, new String(utf8, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String authToken, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** True when one of the comma-separated signatures in the header matches; compared in constant time. */
    public static boolean isValid(String method, String url, Map<String, List<String>> params, String nonce,
            String signatureHeader, String authToken) {
        if (isBlank(signatureHeader) || isBlank(nonce) || isBlank(authToken) || isBlank(url)) {
            return false;
        }
        byte[] expected = compute(method, url, params, nonce, authToken).getBytes(StandardCharsets.US_ASCII);
        byte[] python = computeDoubleEncoded(method, url, params, nonce, authToken).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatureHeader.split(",")) {
            byte[] given = candidate.trim().getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, given);
            matched |= MessageDigest.isEqual(python, given);
        }
        return matched;
    }

    /** The string before {@code "." + nonce}: the URL with the query and POST parameters folded in. */
    static String signedUrl(String method, String url, Map<String, List<String>> params) {
        URI uri = URI.create(url);
        StringBuilder base = new StringBuilder()
                .append(uri.getScheme()).append("://").append(uri.getRawAuthority())
                .append(uri.getRawPath() == null ? "" : uri.getRawPath());
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        if ("GET".equalsIgnoreCase(method)) {
            params.forEach((k, v) -> query.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            if (!query.isEmpty()) {
                base.append('?').append(sortedQuery(query));
            }
            return base.toString();
        }
        boolean hasParams = !params.isEmpty();
        String sortedQuery = sortedQuery(query);
        if (!sortedQuery.isEmpty() || hasParams) {
            base.append('?').append(sortedQuery);
        }
        if (!sortedQuery.isEmpty() && hasParams) {
            base.append('.');
        }
        new TreeMap<>(params).forEach((key, values) -> values.stream().sorted()
                .forEach(value -> base.append(key).append(value)));
        return base.toString();
    }

    private static String sortedQuery(Map<String, List<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(query).forEach((key, values) -> values.stream().sorted()
                .forEach(value -> joined.add(key + "=" + value)));
        return joined.toString();
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
