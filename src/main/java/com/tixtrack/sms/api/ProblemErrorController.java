package com.tixtrack.sms.api;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring's error page as an RFC 9457 problem: what Spring MVC or the servlet container answers on its own (unknown
 * path, wrong method, a request Camel could not even read) has the same shape as the routes' errors, and never a
 * stack trace. Replaces Spring Boot's whitelabel/JSON error controller.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemJson.CONTENT_TYPE);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case 404 -> "no such endpoint; see /openapi.json";
            case 405 -> "method not allowed on this endpoint; see /openapi.json";
            case 406 -> "no representation matches the Accept header; see /openapi.json";
            case 415 -> "Content-Type not supported by this endpoint; see /openapi.json";
            case 500 -> "internal error; the service logged it";
            default -> ProblemJson.title(status);
        };
        return ResponseEntity.status(status).contentType(PROBLEM)
                .body(ProblemJson.render(status, detail, uri == null ? null : uri.toString()));
    }
}
