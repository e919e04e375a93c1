package com.tixtrack.sms.providers;

import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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

    public ProviderPins(DataSource dataSource) {
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

    private static String key(String eventKey, String provider) {
        return eventKey + "|" + provider;
    }
}
