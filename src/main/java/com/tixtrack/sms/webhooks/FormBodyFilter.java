package com.tixtrack.sms.webhooks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.tixtrack.sms.api.ProblemJson;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form posts (the provider webhooks) are checked before Camel reads them: Camel's HTTP binding throws on a pair
 * without '=' or a broken %-escape, which would surface as an empty 500. Here such a body is a 400 problem, a body
 * over {@value #MAX_BYTES} bytes a 413, and a good one is handed on unchanged (re-readable).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
public class FormBodyFilter extends OncePerRequestFilter {

    /** Provider callbacks are a few KB; anything near this is not one. */
    static final int MAX_BYTES = 256 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            problem(response, request, 413, "the form body is larger than " + MAX_BYTES + " bytes");
            return;
        }
        Charset charset = charset(request.getCharacterEncoding());
        if (!wellFormed(new String(body, charset), charset)) {
            problem(response, request, 400, "the body is not valid application/x-www-form-urlencoded");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Every {@code &}-separated part is {@code name=value} with valid %-escapes (an empty body is fine). */
    static boolean wellFormed(String body, Charset charset) {
        if (body.isEmpty()) {
            return true;
        }
        for (String pair : body.split("&")) {
            if (pair.indexOf('=') < 1) {
                return false;
            }
            try {
                URLDecoder.decode(pair, charset);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void problem(HttpServletResponse response, HttpServletRequest request, int status, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.render(status, detail, request.getRequestURI()));
    }

    /**
     * The request with its body read once and served again from memory. Like the servlet container itself, it
     * includes the form fields in {@code getParameter*} only while nobody has read the body as a stream (Camel reads
     * the stream, then maps the fields itself; a Spring {@code @RequestParam} reads parameters).
     */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private volatile boolean streamRead;
        private Map<String, String[]> parameters;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public synchronized Map<String, String[]> getParameterMap() {
            if (streamRead) {
                return super.getParameterMap();
            }
            if (parameters == null) {
                Map<String, List<String>> merged = new LinkedHashMap<>();
                super.getParameterMap().forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>())
                        .addAll(Arrays.asList(v)));
                Charset charset = charset(getCharacterEncoding());
                String form = new String(body, charset);
                if (!form.isEmpty()) {
                    for (String pair : form.split("&")) {
                        int eq = pair.indexOf('=');
                        merged.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), charset),
                                x -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), charset));
                    }
                }
                Map<String, String[]> map = new LinkedHashMap<>();
                merged.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(map);
            }
            return parameters;
        }

        @Override
        public ServletInputStream getInputStream() {
            streamRead = true;
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
