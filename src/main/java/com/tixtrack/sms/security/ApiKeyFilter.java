package com.tixtrack.sms.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.tixtrack.sms.api.ProblemJson;
import com.tixtrack.sms.security.ApiKeys.Client;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API key authentication for {@code /api/**} (role reader or admin) and {@code /admin/**} (role admin), from the
 * {@code X-Api-Key} header. 401 without a known key, 403 with the wrong role, both as problem JSON. Everything else
 * is open here: health, metrics, the OpenAPI document and UI, the simulators, and the provider webhooks (which
 * their routes check by signature).
 *
 * <p>Downstream (the Camel routes) never sees the key: it is removed from the request, and {@code X-Api-Client}
 * carries the authenticated client's name instead (a client-sent {@code X-Api-Client} is dropped everywhere). The
 * name is also the request attribute {@value #CLIENT_ATTRIBUTE}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "X-Api-Key";
    public static final String CLIENT_HEADER = "X-Api-Client";
    public static final String CLIENT_ATTRIBUTE = "sms.apiClient";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ApiKeys apiKeys;

    public ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        Role required = requiredRole(path);
        if (required == null) {
            chain.doFilter(new ClientRequest(request, null), response);
            return;
        }
        Optional<Client> client = apiKeys.authenticate(request.getHeader(KEY_HEADER));
        if (client.isEmpty()) {
            LOG.info("{} {} rejected: {} API key", request.getMethod(), mask(path),
                    request.getHeader(KEY_HEADER) == null ? "no" : "unknown");
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + KEY_HEADER + "\"");
            problem(response, request, 401, "send a valid API key in the " + KEY_HEADER + " header");
            return;
        }
        if (!client.get().role().mayCall(required)) {
            LOG.warn("{} {} denied to client {} (role {})", request.getMethod(), mask(path), client.get().name(),
                    client.get().role());
            problem(response, request, 403, "client '" + client.get().name() + "' has role "
                    + client.get().role().name().toLowerCase(Locale.ROOT) + "; this endpoint needs role "
                    + required.name().toLowerCase(Locale.ROOT));
            return;
        }
        request.setAttribute(CLIENT_ATTRIBUTE, client.get().name());
        chain.doFilter(new ClientRequest(request, client.get().name()), response);
    }

    /** The role a path needs, or null when the path is open. Case and repeated slashes do not get around it. */
    static Role requiredRole(String path) {
        String p = path == null ? "" : path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (p.equals("/admin") || p.startsWith("/admin/")) {
            return Role.ADMIN;
        }
        if (p.equals("/api") || p.startsWith("/api/")) {
            return Role.READER;
        }
        return null;
    }

    private static void problem(HttpServletResponse response, HttpServletRequest request, int status, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.render(status, detail, request.getRequestURI()));
    }

    private static String mask(String path) {
        return path.replaceAll("\\d{3,11}(\\d{4})", "****$1");
    }

    /** The request without {@code X-Api-Key}, and with {@code X-Api-Client} only when this filter set it. */
    static final class ClientRequest extends HttpServletRequestWrapper {

        private final String client;

        ClientRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        private static boolean hidden(String name) {
            return KEY_HEADER.equalsIgnoreCase(name) || CLIENT_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            if (CLIENT_HEADER.equalsIgnoreCase(name)) {
                return client;
            }
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (CLIENT_HEADER.equalsIgnoreCase(name)) {
                return client == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(client));
            }
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList();
            if (client != null) {
                names = new ArrayList<>(names);
                names.add(CLIENT_HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
