package com.tixtrack.sms.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The idempotent consumer's memory of events is SmsSendHistory itself: an event is handled once its outcome row
 * is there (unique EventKey). Nothing is written to start an event, so an event costs one read here, and a try
 * cut short (the process killed, the database away) simply leaves no outcome: the event is processed again
 * rather than dropped. The send intent recorded before every provider call (ProviderPins) makes that retry ask
 * the provider before sending, so the customer still gets one SMS.
 * <p>
 * A second copy of an event that is in progress in this instance is acknowledged as a duplicate: its first copy
 * will record the outcome, or be redelivered if it fails. A copy in progress on another instance at the same
 * moment is stopped by the send intent (one pin per event and provider) or, for an outcome without a send, by
 * the unique EventKey of the history row.
 */
public class RecordedEvents extends ServiceSupport implements IdempotentRepository {

    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;

    public RecordedEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean add(String key) {
        if (!inProgress.add(key)) {
            return false;
        }
        try {
            if (!contains(key)) {
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
    public boolean contains(String key) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM SmsSendHistory WHERE EventKey = ?", Integer.class, key);
        return rows != null && rows > 0;
    }

    @Override
    public boolean remove(String key) {
        return inProgress.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return inProgress.remove(key);
    }

    @Override
    public void clear() {
        inProgress.clear();
    }
}
