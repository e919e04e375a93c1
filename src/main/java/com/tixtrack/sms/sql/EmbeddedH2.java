package com.tixtrack.sms.sql;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** The H2 store behind a pooled connection, for the classes that tend the embedded database's file. */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** The store of the database this process holds open, or null for any other (a remote H2, another vendor). */
    static MVStore storeOf(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null; // a remote H2 (AUTO_SERVER, TCP): its own process tends its file
    }
}
