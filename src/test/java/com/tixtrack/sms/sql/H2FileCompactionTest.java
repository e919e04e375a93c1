package com.tixtrack.sms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database's compaction: with every commit written at once and H2's background thread off (here
 * WRITE_DELAY=0; the local profile gets the same through H2GroupCommit) the chunks only fill with dead pages, and each
 * pass moves the live ones out, without losing a row.
 */
class H2FileCompactionTest {

    @TempDir
    Path dir;

    @Test
    void passesRewriteTheSparseChunksAndEveryRowSurvivesAReopen() throws Exception {
        // RETENTION_TIME=0: H2 rewrites only chunks older than it (45 s by default), which a test should not wait for
        String url = "jdbc:h2:file:" + dir.resolve("sms") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        String[] keys = new String[2_000];
        try (Connection keepOpen = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE History (ID BIGINT AUTO_INCREMENT PRIMARY KEY, EventKey VARCHAR(80) NOT NULL,"
                    + " Message VARCHAR(200))");
            jdbc.execute("CREATE UNIQUE INDEX UX_History_EventKey ON History (EventKey)");
            for (int i = 0; i < keys.length; i++) { // one commit per row, random keys: as the flow writes outcomes
                keys[i] = "SendOrderConfirmationSms:" + UUID.randomUUID();
                jdbc.update("INSERT INTO History (EventKey, Message) VALUES (?, ?)", keys[i], "message " + i);
            }
            MVStore store = ((SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore();
            int fillBefore = store.getFileStore().getChunksFillRate();

            H2FileCompaction compaction = new H2FileCompaction(dataSource, url, Duration.ofSeconds(1));
            int passes = 0;
            while (passes < 100 && compaction.compactOnce()) {
                passes++;
            }

            assertThat(fillBefore).as("live share of the chunks after one commit per row")
                    .isLessThan(H2FileCompaction.TARGET_FILL_RATE);
            assertThat(passes).isPositive();
            assertThat(store.getFileStore().getChunksFillRate()).as("live share after the passes")
                    .isGreaterThan(fillBefore).isGreaterThanOrEqualTo(H2FileCompaction.TARGET_FILL_RATE);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM History", Integer.class)).isEqualTo(keys.length);
        }

        // the database closed with the last connection: every row and the unique index are there after a reopen
        JdbcTemplate reopened = new JdbcTemplate(dataSource);
        assertThat(reopened.queryForObject("SELECT COUNT(*) FROM History", Integer.class)).isEqualTo(keys.length);
        for (int i = 0; i < keys.length; i += 97) {
            assertThat(reopened.queryForObject("SELECT Message FROM History WHERE EventKey = ?", String.class, keys[i]))
                    .isEqualTo("message " + i);
        }
    }

    @Test
    void stoppingMidPassLeavesTheDatabaseWritable() throws Exception {
        // passes every millisecond while rows are written, stopped again and again: a stop that interrupted a pass
        // closed H2's FileChannel mid-write, and every later write failed (within about 60 rounds when it did)
        String url = "jdbc:h2:file:" + dir.resolve("stop") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        try (Connection keepOpen = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE History (ID BIGINT AUTO_INCREMENT PRIMARY KEY, EventKey VARCHAR(80) NOT NULL,"
                    + " Message VARCHAR(400))");
            jdbc.execute("CREATE UNIQUE INDEX UX_History_EventKey ON History (EventKey)");
            for (int round = 0; round < 300; round++) {
                H2FileCompaction compaction = new H2FileCompaction(dataSource, url, Duration.ofMillis(1));
                compaction.start();
                for (int i = 0; i < 100; i++) {
                    jdbc.update("INSERT INTO History (EventKey, Message) VALUES (?, ?)", UUID.randomUUID().toString(),
                            "message ".repeat(40));
                }
                compaction.stop();
                jdbc.update("INSERT INTO History (EventKey, Message) VALUES (?, ?)", "after stop " + round, "m");
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM History", Integer.class)).isEqualTo(300 * 101);
        }
    }

    @Test
    void onlyAnH2FileDatabaseIsCompacted() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:compaction-" + System.nanoTime());

        H2FileCompaction other = new H2FileCompaction(dataSource, "jdbc:sqlserver://sql.example:1433",
                Duration.ofSeconds(1));
        other.start();
        assertThat(other.isRunning()).as("Azure SQL").isFalse();

        H2FileCompaction off = new H2FileCompaction(dataSource, "jdbc:h2:file:./data/db/sms", Duration.ZERO);
        off.start();
        assertThat(off.isRunning()).as("compaction-every 0").isFalse();

        H2FileCompaction local = new H2FileCompaction(dataSource, "jdbc:h2:file:./data/db/sms", Duration.ofSeconds(1));
        local.start();
        assertThat(local.isRunning()).isTrue();
        local.stop();
        assertThat(local.isRunning()).isFalse();
    }
}
