package com.tixtrack.sms.providers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Send intents: before a provider is called, the event is pinned to it. Every later try of the event (in-route
 * retry, broker redelivery after a crash, replay) then goes to that provider only and asks it first whether it
 * took the message, so the customer never gets the SMS twice or from two providers. A clear refusal (nothing
 * can have been sent: 5xx, 429, refused connection, open breaker) releases the pin; an unclear one (no answer
 * after the request left) keeps it. Kept in the idempotency table (CAMEL_MESSAGEPROCESSED, processor
 * {@code provider-pins}, key {@code <eventKey>|<provider>}), shared by every instance and kept across restarts
 * until the event has its outcome row (routes/pin-purge.camel.yaml deletes them then).
 * <p>
 * Every operation is one statement on the hot path of each send: one read when the plan is made, one insert
 * before the request leaves.
 */
@Component("providerPins")
public class ProviderPins {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderPins.class);
    static final String PROCESSOR = "provider-pins";
    /** Characters LIKE reads as patterns (SQL Server's [ included), escaped with '!'. */
    private static final Pattern LIKE_SPECIAL = Pattern.compile("[!%_\\[]");

    /** The provider an event is pinned to, and since when (its first unclear try, give or take a minute). */
    public record Pin(String provider, String since) { }

    private final JdbcTemplate jdbc;
    private final Duration settle;

    public ProviderPins(DataSource dataSource,
                        @Value("${sms.providers.unclear-send-settle-seconds:60}") long settleSeconds) {
        this.settle = Duration.ofSeconds(settleSeconds);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records the intent to send the event through the provider, just before the request leaves. If another try
     * of the event holds the pin already, it may be sending right now: this try fails (and is retried), and its
     * retry asks the provider first.
     */
    public void beforeSend(String eventKey, String provider) {
        try {
            jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                    PROCESSOR, key(eventKey, provider), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException pinned) {
            throw new AmbiguousProviderException(provider, "unclear", "another try of " + eventKey
                    + " is sending through " + provider + "; checking with it later", null);
        }
    }

    /** The provider refused the request, so nothing was sent: a later try may send without asking, or fail over. */
    public void releaseAndRethrow(String eventKey, String provider, Exception refused) throws Exception {
        if (eventKey != null && provider != null) {
            jdbc.update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?",
                    PROCESSOR, key(eventKey, provider));
        }
        throw refused;
    }

    /** The request may have reached the provider: the pin stays, and every later try asks the provider first. */
    public void keepAndRethrow(String eventKey, String provider, Exception ambiguous) throws Exception {
        LOG.warn("Unclear whether {} took {}: every later try of it stays on {} and asks it first", provider, eventKey, provider);
        throw ambiguous;
    }

    /**
     * The pin of this event among these providers (the first of them it is pinned to), or null. Its {@code since}
     * is a minute before the pin was written: a later try asks the provider for messages sent since then.
     */
    public Pin pinOf(String eventKey, Collection<String> providers) {
        if (eventKey == null || providers.isEmpty()) {
            return null;
        }
        // one index range read for every provider: the keys "<eventKey>|<provider>" share the prefix "<eventKey>|"
        List<Pin> pins = jdbc.query("SELECT messageId, createdAt FROM CAMEL_MESSAGEPROCESSED"
                        + " WHERE processorName = ? AND messageId LIKE ? ESCAPE '!'",
                (row, i) -> new Pin(row.getString(1).substring(eventKey.length() + 1),
                        row.getTimestamp(2).toInstant().minus(Duration.ofMinutes(1)).toString()),
                PROCESSOR, LIKE_SPECIAL.matcher(eventKey).replaceAll("!$0") + "|%");
        for (String provider : providers) {
            for (Pin pin : pins) {
                if (pin.provider().equals(provider)) {
                    return pin;
                }
            }
        }
        return null;
    }

    /**
     * Before sending again after an unclear send that the provider does not list: throws while that send is too
     * recent to trust the provider's "no such message" (a slow provider may still be creating it). Once the pin is
     * older than sms.providers.unclear-send-settle-seconds it is renewed for this send, in one statement, so two
     * tries of the event cannot both send again.
     */
    public void renewIfSettled(String eventKey, String provider) {
        Instant now = Instant.now();
        int renewed = jdbc.update("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ?"
                        + " WHERE processorName = ? AND messageId = ? AND createdAt < ?",
                Timestamp.from(now), PROCESSOR, key(eventKey, provider), Timestamp.from(now.minus(settle)));
        if (renewed == 0) {
            throw new AmbiguousProviderException(provider, "unclear",
                    provider + " does not list the unclear send of " + eventKey + " yet; checking again later", null);
        }
    }

    private static String key(String eventKey, String provider) {
        return eventKey + "|" + provider;
    }
}
