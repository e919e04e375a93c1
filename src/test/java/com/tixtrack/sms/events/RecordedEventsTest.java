package com.tixtrack.sms.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The idempotent consumer's answers: a key is new until its outcome row exists, and busy while in progress here. */
class RecordedEventsTest {

    private JdbcTemplate jdbc;
    private RecordedEvents events;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:recorded-events-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE SmsSendHistory (EventKey VARCHAR(150) NOT NULL UNIQUE)");
        events = new RecordedEvents(dataSource);
    }

    @Test
    void aNewEventIsTakenAndASecondCopyWhileItRunsIsADuplicate() {
        assertThat(events.add("SendOrderConfirmationSms:1")).isTrue();
        assertThat(events.add("SendOrderConfirmationSms:1")).as("second copy in progress").isFalse();
        assertThat(events.add("SendOrderConfirmationSms:2")).isTrue();
    }

    @Test
    void aFailedTryLeavesNothingBehindSoTheRedeliveryIsTaken() {
        assertThat(events.add("SendOrderConfirmationSms:1")).isTrue();
        events.remove("SendOrderConfirmationSms:1"); // the try failed before an outcome was written
        assertThat(events.add("SendOrderConfirmationSms:1")).isTrue();
    }

    @Test
    void anEventWithAnOutcomeRowIsADuplicateForEveryLaterCopy() {
        assertThat(events.add("SendOrderConfirmationSms:1")).isTrue();
        jdbc.update("INSERT INTO SmsSendHistory (EventKey) VALUES (?)", "SendOrderConfirmationSms:1");
        events.confirm("SendOrderConfirmationSms:1");

        assertThat(events.contains("SendOrderConfirmationSms:1")).isTrue();
        assertThat(events.add("SendOrderConfirmationSms:1")).isFalse();
        assertThat(events.add("SendOrderConfirmationSms:1")).as("still, after a refused copy").isFalse();
    }
}
