package com.tixtrack.sms.api;

/** 404 for a record that does not exist; routes throw it with {@code throwException} and a message. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(404, detail);
    }
}
