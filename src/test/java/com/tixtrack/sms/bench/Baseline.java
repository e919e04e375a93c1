package com.tixtrack.sms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.tixtrack.sms.sql.H2GroupCommit;
import com.zaxxer.hikari.HikariDataSource;

/**
 * What a hand-written consumer would do for each event, with no Camel and no broker: the same SQL statements the
 * routes run (read from the same classpath:sql files, plus the idempotency read of the outcome, the send-intent
 * read and insert) and the same provider HTTP call, by a plain thread pool with the service's concurrency. The
 * service / baseline ratio is the cost of the routes, the broker and the safety they add.
 */
public final class Baseline implements AutoCloseable {

    private static final Pattern PARAM = Pattern.compile(":#(?:\\$\\{exchangeProperty\\.(\\w+)}|(\\w+))");

    private record Sql(String text, List<String> names) { }

    private final HikariDataSource hikari;
    private final DataSource pool;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String messagesUrl;
    private final String authorization;
    private final Sql selectOrder = sql("select-order.sql");
    private final Sql selectConsent = sql("select-consent.sql");
    private final Sql selectNumbers = sql("select-venue-numbers.sql");
    private final Sql insertHistory = sql("insert-history.sql");
    private final BenchData data;

    public Baseline(Path dataDir, String twilioBaseUrl, int concurrency) {
        // the URL the benchmark gives the service and the service's group commit, every write in the file before it
        // returns: the same work, done by plain Java
        String url = BenchData.embeddedUrl(dataDir);
        hikari = new HikariDataSource();
        hikari.setJdbcUrl(url);
        hikari.setUsername("sa");
        hikari.setMaximumPoolSize(Math.max(20, concurrency));
        pool = (DataSource) new H2GroupCommit(url).postProcessAfterInitialization(hikari, "baseline");
        Flyway.configure().dataSource(pool)
                .locations("classpath:db/migration", "classpath:db/vendor/h2", "classpath:db/local").load().migrate();
        data = new BenchData(url) {
            @Override
            public Connection connect() throws SQLException {
                return pool.getConnection();
            }
        };
        messagesUrl = twilioBaseUrl + "/2010-04-01/Accounts/ACbench/Messages.json";
        authorization = "Basic " + Base64.getEncoder().encodeToString("ACbench:token".getBytes(StandardCharsets.UTF_8));
    }

    public BenchData data() {
        return data;
    }

    /** Processes every event with {@code concurrency} threads; returns the wall time in seconds. */
    public double run(List<BenchData.Event> events, int concurrency) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (BenchData.Event event : events) {
            done.add(threads.submit(() -> {
                process(event);
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return seconds;
    }

    private void process(BenchData.Event event) throws Exception {
        String eventKey = "SendOrderConfirmationSms:" + event.orderId();
        Map<String, Object> values = new HashMap<>();
        values.put("eventKey", eventKey);
        values.put("messageType", "SendOrderConfirmationSms");
        values.put("orderId", event.orderId());
        values.put("venueId", BenchData.VENUE);
        values.put("customerId", event.customerId());
        values.put("phoneNumber", event.phone());
        try (Connection db = pool.getConnection()) {
            if (recorded(db, eventKey)) {
                return;
            }
            Map<String, Object> order = one(db, selectOrder, values);
            Map<String, Object> consent = one(db, selectConsent, values);
            Map<String, Object> number = one(db, selectNumbers, values);
            if (order == null || consent == null || number == null) {
                throw new IllegalStateException("bench data missing for " + event.orderId());
            }
            values.put("senderNumberId", number.get("SenderNumberID"));
            values.put("provider", "twilio");
            pinned(db, eventKey); // a pin left by an earlier try? (none here, as in the service's runs)
            claim(db, "provider-pins", eventKey + "|twilio");
            String text = "Hi Bench, your order " + order.get("OrderNumber") + " for " + order.get("EventName")
                    + " is confirmed. Reply STOP to opt out.";
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(messagesUrl))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=" + enc(event.phone()) + "&From="
                            + enc((String) number.get("SenderNumber")) + "&Body=" + enc(text)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String body = sent.body();
            int sid = body.indexOf("\"sid\":\"") + 7;
            values.put("messageText", text);
            values.put("segments", 1);
            values.put("status", sent.statusCode() == 201 ? "sent" : "failed");
            values.put("providerMessageId", body.substring(sid, sid + 34));
            values.put("errorCode", null);
            values.put("errorMessage", null);
            values.put("correlationId", eventKey);
            update(db, insertHistory, values);
        }
    }

    private static boolean claim(Connection db, String processor, String key) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)")) {
            insert.setString(1, processor);
            insert.setString(2, key);
            insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
            return insert.executeUpdate() == 1;
        } catch (java.sql.SQLIntegrityConstraintViolationException duplicate) {
            return false;
        }
    }

    private static boolean recorded(Connection db, String eventKey) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM SmsSendHistory WHERE EventKey = ?")) {
            select.setString(1, eventKey);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static boolean pinned(Connection db, String eventKey) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT messageId, createdAt FROM CAMEL_MESSAGEPROCESSED"
                + " WHERE processorName = ? AND messageId LIKE ? ESCAPE '!'")) {
            select.setString(1, "provider-pins");
            select.setString(2, eventKey + "|%");
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, Object> one(Connection db, Sql sql, Map<String, Object> values) throws SQLException {
        try (PreparedStatement statement = bind(db, sql, values); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            return row;
        }
    }

    private static void update(Connection db, Sql sql, Map<String, Object> values) throws SQLException {
        try (PreparedStatement statement = bind(db, sql, values)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection db, Sql sql, Map<String, Object> values) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql.text());
        for (int i = 0; i < sql.names().size(); i++) {
            statement.setObject(i + 1, values.get(sql.names().get(i)));
        }
        return statement;
    }

    /** A route's SQL file with its :#name parameters turned into JDBC placeholders, in order. */
    private static Sql sql(String file) {
        try (InputStream in = Baseline.class.getResourceAsStream("/sql/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAM.matcher(text);
            StringBuilder jdbc = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                matcher.appendReplacement(jdbc, "?");
            }
            matcher.appendTail(jdbc);
            return new Sql(jdbc.toString(), names);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        hikari.close();
    }
}
