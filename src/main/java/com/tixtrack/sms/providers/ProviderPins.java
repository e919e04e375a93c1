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
 * Events that must stay on one provider: after an ambiguous result (the request may have reached the provider)
 * every later try of the event, in-route retry, broker redelivery or replay, goes to that provider only, so the
 * customer never receives the message from two providers. Kept in the idempotency table (CAMEL_MESSAGEPROCESSED,
 * processor {@code provider-pins}, key {@code <eventKey>|<provider>}), shared by every instance and kept across
 * restarts; a row is written only for an ambiguous result, so the table grows with timeouts, not with traffic.
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

    /** Pins the event to the provider, then rethrows the ambiguous failure for the flow's retries. */
    public void pinAndRethrow(String eventKey, String provider, Exception ambiguous) throws Exception {
        if (eventKey != null && provider != null) {
            try {
                if (pins.add(key(eventKey, provider))) {
                    LOG.warn("Unclear whether {} took {}: every later try of it stays on {}", provider, eventKey, provider);
                }
            } catch (DuplicateKeyException alreadyPinned) {
                // another try of the same event pinned it at the same moment
            }
        }
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
     * Throws while an unclear send is too recent to trust the provider's "no such message": a slow provider may
     * still be creating it. Once the pin is older than sms.providers.unclear-send-settle-seconds, a message the
     * provider does not list was not taken, and sending it is safe.
     */
    public void requireSettled(String eventKey, String provider) {
        List<Timestamp> pinned = jdbc.queryForList("SELECT createdAt FROM CAMEL_MESSAGEPROCESSED"
                + " WHERE processorName = ? AND messageId = ?", Timestamp.class, PROCESSOR, key(eventKey, provider));
        if (!pinned.isEmpty() && pinned.get(0).toInstant().plus(settle).isAfter(java.time.Instant.now())) {
            throw new AmbiguousProviderException(provider, "unclear",
                    provider + " does not list the unclear send of " + eventKey + " yet; checking again later", null);
        }
    }

    private static String key(String eventKey, String provider) {
        return eventKey + "|" + provider;
    }
}
