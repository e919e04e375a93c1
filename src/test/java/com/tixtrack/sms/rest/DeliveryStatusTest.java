package com.tixtrack.sms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Status callbacks move SmsSendHistory forward only, by ProviderMessageID, for Twilio and Plivo. */
class DeliveryStatusTest extends RestApiTestSupport {

    long historyRow(String provider, String providerMessageId, String status) {
        jdbc.update("INSERT INTO SmsSendHistory (EventKey, MessageType, OrderID, VenueID, CustomerPhoneNumber, Message,"
                + " ProviderNameID, StatusID, ProviderMessageID, CreatedAt, UpdatedAt) VALUES (?, 'SendOrderConfirmationSms',"
                + " ?, ?, ?, 'Your tickets', (SELECT ID FROM ProviderNames WHERE Name = ?),"
                + " (SELECT ID FROM SmsSendHistoryStatuses WHERE Name = ?), ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "test:" + UUID.randomUUID(), UUID.randomUUID(), newVenue(), newPhone(), provider, status, providerMessageId);
        return jdbc.queryForObject("SELECT ID FROM SmsSendHistory WHERE ProviderMessageID = ?", Long.class,
                providerMessageId);
    }

    String status(long id) {
        return jdbc.queryForObject("SELECT s.Name FROM SmsSendHistory h JOIN SmsSendHistoryStatuses s"
                + " ON s.ID = h.StatusID WHERE h.ID = ?", String.class, id);
    }

    void twilio(String sid, String status, String errorCode) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("AccountSid", "ACtest0000000000000000000000000000");
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        assertThat(postTwilio("/webhook/twilio/status", params).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void statusesMoveForward() {
        String sid = TwilioWebhookTest.sid();
        long id = historyRow("twilio", sid, "queued");

        twilio(sid, "sent", null);
        assertThat(status(id)).isEqualTo("sent");
        twilio(sid, "delivered", null);
        assertThat(status(id)).isEqualTo("delivered");
    }

    @Test
    void aLateOrRepeatedCallbackNeverMovesBack() {
        String sid = TwilioWebhookTest.sid();
        long id = historyRow("twilio", sid, "sent");

        twilio(sid, "delivered", null);
        twilio(sid, "sent", null); // arrives late
        twilio(sid, "queued", null);
        twilio(sid, "delivered", null); // repeated
        twilio(sid, "undelivered", "30003"); // a final status does not change either

        assertThat(status(id)).isEqualTo("delivered");
        assertThat(jdbc.queryForObject("SELECT ErrorCode FROM SmsSendHistory WHERE ID = ?", String.class, id)).isNull();
    }

    @Test
    void aFailureKeepsItsErrorCode() {
        String sid = TwilioWebhookTest.sid();
        long id = historyRow("twilio", sid, "sent");

        twilio(sid, "undelivered", "30003");

        assertThat(status(id)).isEqualTo("undelivered");
        assertThat(jdbc.queryForObject("SELECT ErrorCode FROM SmsSendHistory WHERE ID = ?", String.class, id))
                .isEqualTo("30003");
    }

    @Test
    void rowsOutsideTheDeliveryLifecycleAreNotTouched() {
        String sid = TwilioWebhookTest.sid();
        long id = historyRow("twilio", sid, "blocked_opted_out");

        twilio(sid, "delivered", null);

        assertThat(status(id)).isEqualTo("blocked_opted_out");
    }

    @Test
    void aCallbackThatBeatsTheSendFlowsRecordWaitsForIt() {
        String sid = TwilioWebhookTest.sid();
        // the send flow records its row a moment after the provider already called back
        CompletableFuture<Long> recorded = CompletableFuture.supplyAsync(() -> historyRow("twilio", sid, "sent"),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        twilio(sid, "delivered", null);

        assertThat(status(recorded.join())).isEqualTo("delivered");
    }

    @Test
    void unknownIdsAndUntrackedStatusesAreAcceptedQuietly() {
        twilio(TwilioWebhookTest.sid(), "delivered", null);
        String sid = TwilioWebhookTest.sid();
        long id = historyRow("twilio", sid, "sent");
        twilio(sid, "receiving", null);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void plivoCallbacksToo() {
        String uuid = UUID.randomUUID().toString();
        long id = historyRow("plivo", uuid, "sent");

        assertThat(postPlivo("/webhook/plivo/status", Map.of("MessageUUID", uuid, "Status", "failed",
                "ErrorCode", "200")).getStatusCode().value()).isEqualTo(204);
        assertThat(postPlivo("/webhook/plivo/status", Map.of("MessageUUID", uuid, "Status", "delivered",
                "ErrorCode", "000")).getStatusCode().value()).isEqualTo(204);

        assertThat(status(id)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT ErrorCode FROM SmsSendHistory WHERE ID = ?", String.class, id))
                .isEqualTo("200");
    }

    @Test
    void unsignedCallbacksAreRejected() {
        String uuid = UUID.randomUUID().toString();
        long id = historyRow("plivo", uuid, "sent");

        assertProblem(postForm("/webhook/plivo/status", Map.of("MessageUUID", uuid, "Status", "delivered"), Map.of()),
                403);

        assertThat(status(id)).isEqualTo("sent");
    }
}
