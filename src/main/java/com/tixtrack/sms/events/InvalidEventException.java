package com.tixtrack.sms.events;

/** An event that can never be processed as it is (bad JSON, missing or invalid fields): dead-lettered at once. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }
}
