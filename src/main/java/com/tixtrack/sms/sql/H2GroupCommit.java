package com.tixtrack.sms.sql;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Group commit for the embedded H2 file database. Every write through the service's pool is in the file before its
 * statement (auto-commit) or its {@code commit()} returns, as with H2's {@code WRITE_DELAY=0}, which the kill test
 * relies on; but where {@code WRITE_DELAY=0} writes one H2 store per transaction, one after the other under H2's store
 * lock, here a single store carries every write finished while the previous store ran: 1.7-1.8 writes per store
 * with sixteen consumers, and more consumers now drain more (docs/benchmark-rounds.md, sixteenth round).
 * <p>
 * The local profile's URL sets H2's own write delay out of reach ({@code WRITE_DELAY=2147483647}) so that H2 no
 * longer stores at each commit, and this class wraps the pool so that every write waits for a store that began after
 * it. H2 runs a store on helper threads whenever its write delay is not 0; they are dropped (a private field of H2's
 * {@code FileStore}) so that the store runs on the committing thread, as it does with {@code WRITE_DELAY=0}: the
 * hand-over to two helper threads on a busy machine cost more than the grouping saved. Should H2 change that field,
 * the write delay goes back to 0: slower, never less safe. A statement that returns rows counts as a read. Only for
 * an {@code jdbc:h2:file:} database opened by this process; a session from outside the pool (a TCP client of an
 * {@code AUTO_SERVER} database, which the local profile does not open) is in the file with the pool's next store.
 */
@Component
public class H2GroupCommit implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(H2GroupCommit.class);
    private static final String[] H2_STORE_EXECUTORS = {"serializationExecutor", "bufferSaveExecutor"};

    private final boolean h2File;
    private volatile Group group;

    public H2GroupCommit(@Value("${spring.datasource.url:}") String url) {
        this.h2File = url.startsWith("jdbc:h2:file:");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (h2File && bean instanceof DataSource pool && !(bean instanceof GroupCommitDataSource)) {
            return new GroupCommitDataSource(pool);
        }
        return bean;
    }

    /** The pool, with each connection's writes made durable before they return. */
    final class GroupCommitDataSource extends DelegatingDataSource {

        GroupCommitDataSource(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return durable(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return durable(super.getConnection(username, password));
        }
    }

    private Connection durable(Connection connection) throws SQLException {
        MVStore store = EmbeddedH2.storeOf(connection);
        if (store == null) {
            return connection; // a remote H2: its own process stores it
        }
        Group current = groupFor(store);
        return proxy(Connection.class, connection, (method, args, result) -> {
            switch (method.getName()) {
                case "commit" -> current.awaitStored();
                case "setAutoCommit" -> {
                    if (Boolean.TRUE.equals(args[0])) {
                        current.awaitStored(); // commits an open transaction
                    }
                }
                default -> {
                    if (result instanceof Statement statement) {
                        return statement(connection, statement, current);
                    }
                }
            }
            return result;
        });
    }

    private Statement statement(Connection connection, Statement statement, Group current) {
        Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, (method, args, result) -> {
            String name = method.getName();
            boolean write = name.startsWith("execute") && !name.equals("executeQuery")
                    && !Boolean.TRUE.equals(result); // execute() returning true produced rows: a read
            if (write && connection.getAutoCommit()) {
                current.awaitStored();
            }
            return result;
        });
    }

    private Group groupFor(MVStore store) {
        Group current = group;
        if (current == null || current.store != store) {
            synchronized (this) {
                current = group;
                if (current == null || current.store != store) { // first connection, or the database was reopened
                    current = new Group(store);
                    group = current;
                }
            }
        }
        return current;
    }

    /** The stores of one open database: who is storing, and up to which version everything is in the file. */
    static final class Group {

        private final MVStore store;
        private final ReentrantLock storing = new ReentrantLock();
        /** Every change made while the store's version was below this one is in the file. */
        private volatile long storedBelow;
        private volatile int writeDelaySeen = -1;
        private boolean fellBack;

        Group(MVStore store) {
            this.store = store;
        }

        /** Returns once a store that began after the caller's last change has written it. */
        void awaitStored() {
            storeOnCallingThread();
            long version = store.getCurrentVersion(); // the caller's changes are in this version or an older one
            if (storedBelow > version) {
                return;
            }
            storing.lock();
            try {
                if (storedBelow > version) {
                    return; // the store that ran while this thread waited carried its changes
                }
                long stored = store.commit(); // -1: nothing unsaved, an earlier store (on its own thread) has it
                if (stored > storedBelow) {
                    storedBelow = stored;
                }
            } finally {
                storing.unlock();
            }
        }

        /**
         * H2 starts two helper threads for its stores whenever its write delay changes to a value above 0 (at the
         * first connection, and whenever a session sets another). Dropped here so that every store runs on the
         * thread that asks for it, and a store that returns has written its data.
         */
        private void storeOnCallingThread() {
            int delay = store.getAutoCommitDelay();
            if (delay == writeDelaySeen) {
                return;
            }
            synchronized (this) {
                if (delay == writeDelaySeen) {
                    return;
                }
                try {
                    FileStore<?> file = store.getFileStore();
                    for (String name : H2_STORE_EXECUTORS) {
                        Field field = FileStore.class.getDeclaredField(name);
                        field.setAccessible(true);
                        if (field.get(file) instanceof ExecutorService executor) {
                            field.set(file, null);
                            executor.shutdown();
                            executor.awaitTermination(10, TimeUnit.SECONDS); // a store handed over before finishes
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    if (!fellBack) { // each new connection's URL settings start the threads again: log it once
                        LOG.warn("H2's store threads could not be bypassed, so every commit is stored on its own: {}",
                                e.toString());
                        fellBack = true;
                    }
                    store.setAutoCommitDelay(0);
                }
                writeDelaySeen = store.getAutoCommitDelay();
            }
        }
    }

    /** What to do after a call on the wrapped object; returns the result to hand back. */
    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<? extends T> type, T target, After after) {
        return (T) (Proxy.newProxyInstance(H2GroupCommit.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, args, result);
                }));
    }
}
