package com.tixtrack.sms.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every event's acknowledgement waits for the embedded broker's journal to fsync it. The journal gathers writes
 * for sms.broker.journal-flush-us (500 µs) first, not for Artemis' NIO default of 3.3 ms: with eight consumers
 * each waiting on its own ack, the default cost about 4 ms of every event in the benchmark (README: benchmark).
 */
class EmbeddedBrokerJournalTest extends FlowTestSupport {

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void acksAreSyncedAfterHalfAMillisecondOfGathering() {
        Configuration journal = broker.getActiveMQServer().getConfiguration();
        assertThat(journal.isJournalSyncTransactional()).as("a transacted ack is on disk before it returns").isTrue();
        assertThat(journal.getJournalBufferTimeout_NIO()).isEqualTo(500_000);
        assertThat(journal.getJournalBufferTimeout_AIO()).isEqualTo(500_000);
    }
}
