package com.tixtrack.sms.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database's group commit: with H2's own delayed writes off (the local profile's URL), a write through
 * the pool is in the file when its call returns, which is what survives a killed process. Each check copies the
 * file while the database is open, as the disk holds it at that moment, and opens the copy.
 */
class H2GroupCommitTest {

    @TempDir
    Path dir;

    private String url;
    private JdbcDataSource h2;
    private DataSource pool;
    private Connection keepOpen;

    @BeforeEach
    void openDatabase() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("sms") + ";WRITE_DELAY=2147483647";
        h2 = new JdbcDataSource();
        h2.setURL(url);
        keepOpen = h2.getConnection();
        pool = (DataSource) new H2GroupCommit(url).postProcessAfterInitialization(h2, "dataSource");
        new JdbcTemplate(pool).execute("CREATE TABLE History (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " EventKey VARCHAR(80) NOT NULL UNIQUE)");
    }

    @AfterEach
    void closeDatabase() throws Exception {
        keepOpen.close();
    }

    @Test
    void everyKindOfWriteIsInTheFileWhenItReturns() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.update("INSERT INTO History (EventKey) VALUES (?)", "auto-commit");
        assertThat(rowsOnDisk()).isEqualTo(1);

        jdbc.batchUpdate("INSERT INTO History (EventKey) VALUES (?)",
                List.of(new Object[] {"b1"}, new Object[] {"b2"}));
        assertThat(rowsOnDisk()).isEqualTo(3);

        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO History (EventKey) VALUES (?)")) {
                insert.setString(1, "in-a-transaction");
                insert.execute();
            }
            connection.commit();
            assertThat(rowsOnDisk()).isEqualTo(4);
            connection.setAutoCommit(true);
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM History", Integer.class)).isEqualTo(4);
    }

    @Test
    void withoutItACommittedWriteIsNotInTheFileYet() throws Exception {
        // the same URL through H2's own DataSource: committed and visible, but not yet written (the kill test's loss)
        new JdbcTemplate(h2).update("INSERT INTO History (EventKey) VALUES (?)", "not-yet-written");

        assertThat(new JdbcTemplate(h2).queryForObject("SELECT COUNT(*) FROM History", Integer.class)).isEqualTo(1);
        assertThat(rowsOnDisk()).isZero();
    }

    @Test
    void oneStoreCarriesTheWritesOfThreadsThatFinishedMeanwhile() throws Exception {
        MVStore store = ((SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession()).getDatabase()
                .getStore().getMvStore();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        int threads = 16;
        int each = 50;
        long versionBefore = store.getCurrentVersion();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        jdbc.update("INSERT INTO History (EventKey) VALUES (?)", UUID.randomUUID().toString());
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }

        long stores = store.getCurrentVersion() - versionBefore; // each store starts a new version
        assertThat(stores).as("stores for %d writes", threads * each).isLessThan(threads * each);
        assertThat(rowsOnDisk()).isEqualTo(threads * each);
    }

    @Test
    void storesRunOnTheCommittingThreadNotOnH2sHelpers() {
        new JdbcTemplate(pool).update("INSERT INTO History (EventKey) VALUES (?)", "first");

        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("H2-serialization")
                        || thread.getName().startsWith("H2-save")));
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:other");

        assertThat(new H2GroupCommit("jdbc:h2:mem:other").postProcessAfterInitialization(memory, "dataSource"))
                .isSameAs(memory);
        assertThat(new H2GroupCommit("jdbc:sqlserver://db:1433").postProcessAfterInitialization(memory, "dataSource"))
                .isSameAs(memory);
    }

    /** Rows of History in a copy of the file as it is on disk now (0 when the table is not there yet). */
    private int rowsOnDisk() throws Exception {
        Path copy = dir.resolve("copy-" + UUID.randomUUID());
        Files.createDirectories(copy);
        Files.copy(dir.resolve("sms.mv.db"), copy.resolve("sms.mv.db"));
        JdbcDataSource copied = new JdbcDataSource();
        copied.setURL("jdbc:h2:file:" + copy.resolve("sms"));
        try (Connection connection = copied.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(copied);
            Integer tables = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'HISTORY'", Integer.class);
            return tables == 0 ? 0 : jdbc.queryForObject("SELECT COUNT(*) FROM History", Integer.class);
        }
    }
}
