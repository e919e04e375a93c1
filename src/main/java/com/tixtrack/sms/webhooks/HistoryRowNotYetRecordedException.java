package com.tixtrack.sms.webhooks;

/**
 * A delivery status callback for a message whose SmsSendHistory row the send flow has not written yet: the
 * provider can call back before the flow records its answer (the local simulator always does). The
 * {@code webhook-status-wait} route configuration retries the update a few times before letting it go.
 */
public class HistoryRowNotYetRecordedException extends RuntimeException {

    public HistoryRowNotYetRecordedException(String message) {
        super(message);
    }
}
