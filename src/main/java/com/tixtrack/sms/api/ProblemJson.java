package com.tixtrack.sms.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 9457 problem documents ({@code application/problem+json}) shared by the REST routes, the request validator,
 * the API key filter and the Spring error page, so every error the service returns has the same shape.
 */
public final class ProblemJson {

    public static final String CONTENT_TYPE = "application/problem+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemJson() {
    }

    /** {@code {type, title, status, detail, instance}}; type is about:blank, so the title is the status phrase. */
    public static Map<String, Object> of(int status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance == null ? null : maskPath(instance));
        return problem;
    }

    public static String render(int status, String detail, String instance) {
        try {
            return MAPPER.writeValueAsString(of(status, detail, instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a problem document", e);
        }
    }

    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /** The request path as the instance, with anything that looks like a phone number cut to its last 4 digits. */
    static String maskPath(String path) {
        return path.replaceAll("(%2B|\\+)?\\d{3,11}(\\d{4})(?=$|[/?&])", "****$2");
    }
}
