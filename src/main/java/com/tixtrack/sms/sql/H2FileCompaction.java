package com.tixtrack.sms.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file database while the service runs, as H2's own background thread would. Every commit is
 * written before it returns (the kill test relies on it: first {@code WRITE_DELAY=0}, now {@link H2GroupCommit} with
 * H2's own write delay out of reach), and either way H2's background thread never runs: no chunk was rewritten, a chunk
 * with one live page (an outcome row's, written once) was kept for good, and each commit's bookkeeping grew with the
 * chunks (docs/benchmark-rounds.md, fourteenth and fifteenth rounds). H2 has no SQL statement for this, so each pass
 * asks its {@code MVStore} to move the live pages of its sparsest chunks into a new one and stores the result; H2
 * reuses a freed chunk's space once its retention time has passed. The passes are small (BYTES_PER_PASS) because
 * commits wait on H2's store lock while one runs. Only for an {@code jdbc:h2:file:} database opened by this process;
 * Azure SQL keeps its own files.
 */
@Component
class H2FileCompaction implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** Compact while fewer than this percentage of the chunks' bytes are live. */
    static final int TARGET_FILL_RATE = 60;
    /** Live bytes to move per pass: small enough that commits queued behind a pass wait only briefly. */
    static final int BYTES_PER_PASS = 256 * 1024;

    private final DataSource dataSource;
    private final boolean h2File;
    private final Duration every;
    private ScheduledExecutorService scheduler;
    private boolean failing;

    H2FileCompaction(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
            @Value("${sms.db.compaction-every:250ms}") Duration every) {
        this.dataSource = dataSource;
        this.h2File = url.startsWith("jdbc:h2:file:");
        this.every = every;
    }

    /** One pass: true when chunks were rewritten; false for a database this process does not hold open itself. */
    boolean compactOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = EmbeddedH2.storeOf(connection);
            if (store == null || !store.compact(TARGET_FILL_RATE, BYTES_PER_PASS)) {
                return false;
            }
            store.commit();
            return true;
        }
    }

    private void pass() {
        try {
            compactOnce();
            failing = false;
        } catch (Exception e) {
            if (!failing) { // once per outage (the database stopped), not every pass
                LOG.warn("H2 compaction pass failed, retrying every {}: {}", every, e.toString());
            }
            failing = true;
        }
    }

    @Override
    public void start() {
        if (!h2File || every.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pass, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a running pass finish instead of interrupting it: an interrupt during H2's file write closes its
     * FileChannel, and the database then refuses every write until it is reopened.
     */
    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("H2 compaction pass still running after 10 s at stop; leaving it to finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
