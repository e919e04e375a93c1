package com.tixtrack.sms.providers;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
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
 * {@code provider-pins}, key {@code <eventKey>|<provider>}), shared by every instance and kept across restarts.
 */
@Component("providerPins")
public class ProviderPins {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderPins.class);
    static final String PROCESSOR = "provider-pins";

    private final JdbcMessageIdRepository pins;
    private final JdbcTemplate jdbc;
    private final Duration settle;

    public ProviderPins(DataSource dataSource,
                        @Value("${sms.providers.unclear-send-settle-seconds:60}") long settleSeconds) {
        this.settle = Duration.ofSeconds(settleSeconds);
        this.jdbc = new JdbcTemplate(dataSource);
        this.pins = new JdbcMessageIdRepository(dataSource, PROCESSOR);
        this.pins.setCreateTableIfNotExists(false); // created by Flyway (V6)
    }

    /**
     * Records the intent to send the event through the provider, just before the request leaves. If another try
     * of the event holds the pin already, it may be sending right now: this try fails (and is retried), and its
     * retry asks the provider first.
     */
    public void beforeSend(String eventKey, String provider) {
        try {
            if (pins.add(key(eventKey, provider))) {
                return;
            }
        } catch (DuplicateKeyException pinnedMeanwhile) {
            // another try of the same event pinned it at the same moment
        }
        throw new AmbiguousProviderException(provider, "unclear",
                "another try of " + eventKey + " is sending through " + provider + "; checking with it later", null);
    }

    /** The provider refused the request, so nothing was sent: a later try may send without asking, or fail over. */
    public void releaseAndRethrow(String eventKey, String provider, Exception refused) throws Exception {
        if (eventKey != null && provider != null) {
            pins.remove(key(eventKey, provider));
        }
        throw refused;
    }

    /** The request may have reached the provider: the pin stays, and every later try asks the provider first. */
    public void keepAndRethrow(String eventKey, String provider, Exception ambiguous) throws Exception {
        LOG.warn("Unclear whether {} took {}: every later try of it stays on {} and asks it first", provider, eventKey, provider);
        throw ambiguous;
    }

    /** The provider this event is pinned to, or null. */
    public String pinnedProvider(String eventKey, List<String> providers) {
        if (eventKey == null) {
            return null;
        }
        for (String provider : providers) {
            if (pins.contains(key(eventKey, provider))) {
                return provider;
            }
        }
        return null;
    }

    /**
     * When this event was pinned to this provider (its first ambiguous try, give or take a minute), or null when
     * it is not pinned there: a later try first asks the provider whether it took the message after all.
     */
    public String pinnedSince(String eventKey, String provider) {
        if (eventKey == null || provider == null) {
            return null;
        }
        List<Timestamp> pinned = jdbc.queryForList("SELECT createdAt FROM CAMEL_MESSAGEPROCESSED"
                + " WHERE processorName = ? AND messageId = ?", Timestamp.class, PROCESSOR, key(eventKey, provider));
        return pinned.isEmpty() ? null : pinned.get(0).toInstant().minus(Duration.ofMinutes(1)).toString();
    }

    /**
     * Before sending again after an unclear send that the provider does not list: throws while that send is too
     * recent to trust the provider's "no such message" (a slow provider may still be creating it). Once the pin is
     * older than sms.providers.unclear-send-settle-seconds it is renewed for this send, in one statement, so two
     * tries of the event cannot both send again.
     */
    public void renewIfSettled(String eventKey, String provider) {
        Timestamp settledBefore = Timestamp.from(java.time.Instant.now().minus(settle));
        int renewed = jdbc.update("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ?"
                        + " WHERE processorName = ? AND messageId = ? AND createdAt < ?",
                Timestamp.from(java.time.Instant.now()), PROCESSOR, key(eventKey, provider), settledBefore);
        if (renewed == 0) {
            throw new AmbiguousProviderException(provider, "unclear",
                    provider + " does not list the unclear send of " + eventKey + " yet; checking again later", null);
        }
    }

    private static String key(String eventKey, String provider) {
        return eventKey + "|" + provider;
    }
}
