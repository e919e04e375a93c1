package com.tixtrack.sms.api;

/**
 * A request the service refuses, with the HTTP status and a detail the caller can act on. Routes throw it (or a
 * bean does), and the shared {@code rest-api-errors} route configuration turns it into an RFC 9457 problem body.
 * The detail must never hold a full phone number, a key or a token: it is returned and may be logged.
 */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }
}
