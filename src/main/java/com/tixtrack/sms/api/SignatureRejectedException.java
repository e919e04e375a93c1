package com.tixtrack.sms.api;

/** A provider webhook whose signature is missing, forged or made for another URL: 403, never processed. */
public class SignatureRejectedException extends ProblemException {

    public SignatureRejectedException(String detail) {
        super(403, detail);
    }
}
