package com.tixtrack.sms.webhooks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    /** The request with its body read once and served again from memory. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
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
