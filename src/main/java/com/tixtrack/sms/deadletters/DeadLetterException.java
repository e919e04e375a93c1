package com.tixtrack.sms.deadletters;

/** Raised on Service Bus to have the consumer dead-letter the message; the message is "reason: description". */
public class DeadLetterException extends RuntimeException {
    public DeadLetterException(String message) {
        super(message);
    }
}
