package com.tixtrack.sms.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The idempotent consumer's memory of events (CAMEL_MESSAGEPROCESSED, processor {@code sms-events}): a key is
 * claimed when an event starts, and an event counts as handled once its outcome is in SmsSendHistory.
 * <p>
 * A claim without an outcome was left by a try that ended before recording one: the process was killed, or
 * the claim could not be released while the database was away. That event is processed again rather than
 * dropped as a duplicate; the send intent recorded before every provider call (ProviderPins) makes the retry
 * ask the provider before sending, so the customer still gets one SMS. A second copy of an event that is in
 * progress in this instance is acknowledged as a duplicate: its first copy will record the outcome, or be
 * redelivered if it fails.
 */
public class EventClaims extends JdbcMessageIdRepository {

    static final String PROCESSOR = "sms-events";

    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;

    public EventClaims(DataSource dataSource) {
        super(dataSource, PROCESSOR);
        setCreateTableIfNotExists(false); // created by Flyway (V6)
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean add(String key) {
        if (!inProgress.add(key)) {
            return false;
        }
        try {
            if (claim(key) || !outcomeRecorded(key)) {
                return true;
            }
            inProgress.remove(key);
            return false;
        } catch (RuntimeException e) {
            inProgress.remove(key);
            throw e;
        }
    }

    @Override
    public boolean confirm(String key) {
        inProgress.remove(key);
        return true;
    }

    @Override
    public boolean remove(String key) {
        inProgress.remove(key);
        return super.remove(key);
    }

    /** One INSERT, no transaction around it: the primary key decides (Camel's add() runs a SELECT first). */
    private boolean claim(String key) {
        try {
            return insert(key) == 1;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return false;
        }
    }

    private boolean outcomeRecorded(String key) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM SmsSendHistory WHERE EventKey = ?", Integer.class, key);
        return rows != null && rows > 0;
    }
}
