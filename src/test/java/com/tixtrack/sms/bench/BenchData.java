package com.tixtrack.sms.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orders, customers and consents the events refer to, and the outcomes the service wrote, in the service's
 * own database (reached next to the service through H2's automatic mixed mode, or over H2's TCP server).
 */
public class BenchData {

    public static final int VENUE = 900;
    public static final String SENDER = "+15005550900";

    /** One event's identity: its order and the phone that should get one SMS. */
    public record Event(UUID orderId, UUID customerId, String phone) {
        public String payload() {
            return """
                    {"OrderId": "%s", "VenueId": %d, "CustomerId": "%s", "PhoneNumber": "%s", "CustomerName": "Bench"}"""
                    .formatted(orderId, VENUE, customerId, phone);
        }
    }

    /** An outcome row: status and when it was written (epoch ms). */
    public record Outcome(String status, long createdAtMs) { }

    private final String url;

    public BenchData(String url) {
        this.url = url;
    }

    public static String embeddedUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/sms;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;QUERY_CACHE_SIZE=64;WRITE_DELAY=2147483647;AUTO_SERVER=TRUE";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** The bench venue with its Twilio number, then {@code count} confirmed orders with consented phones. */
    public List<Event> seed(int first, int count) throws SQLException {
        List<Event> events = new ArrayList<>(count);
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement venue = db.prepareStatement("INSERT INTO Venues (ID, Name, CountryCode, TimeZone)"
                    + " SELECT ?, 'Bench Arena', 'US', 'UTC' WHERE NOT EXISTS (SELECT 1 FROM Venues WHERE ID = ?)");
                 PreparedStatement number = db.prepareStatement("INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber,"
                         + " ProviderID, ProviderNameID, StatusID, AssignedAt) SELECT ?, ?, 'bench', 1, 1, CURRENT_TIMESTAMP"
                         + " WHERE NOT EXISTS (SELECT 1 FROM VenuePhoneNumbers WHERE VenueID = ?)")) {
                venue.setInt(1, VENUE);
                venue.setInt(2, VENUE);
                venue.executeUpdate();
                number.setInt(1, VENUE);
                number.setString(2, SENDER);
                number.setInt(3, VENUE);
                number.executeUpdate();
            }
            try (PreparedStatement customer = db.prepareStatement(
                    "INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber) VALUES (?, 'Bench', 'Mark', ?)");
                 PreparedStatement order = db.prepareStatement("INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID,"
                         + " EventName, EventDate, OrderTotal, Currency, TicketCount, Status) VALUES (?, ?, ?, ?,"
                         + " 'Load Test Live', '2026-12-31 20:00:00', 25.00, 'USD', 2, 'confirmed')");
                 PreparedStatement consent = db.prepareStatement("INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID,"
                         + " ConsentSourceID, InitialConsentAt) VALUES (?, ?, 1, 1, CURRENT_TIMESTAMP)")) {
                for (int i = first; i < first + count; i++) {
                    Event event = new Event(UUID.randomUUID(), UUID.randomUUID(), String.format("+1415%07d", 2_000_000 + i));
                    customer.setObject(1, event.customerId());
                    customer.setString(2, event.phone());
                    customer.addBatch();
                    order.setObject(1, event.orderId());
                    order.setString(2, "B-" + i);
                    order.setInt(3, VENUE);
                    order.setObject(4, event.customerId());
                    order.addBatch();
                    consent.setInt(1, VENUE);
                    consent.setString(2, event.phone());
                    consent.addBatch();
                    events.add(event);
                    if (events.size() % 1000 == 0) {
                        customer.executeBatch();
                        order.executeBatch();
                        consent.executeBatch();
                    }
                }
                customer.executeBatch();
                order.executeBatch();
                consent.executeBatch();
            }
            db.commit();
        }
        return events;
    }

    /** How many outcome rows the bench venue has. */
    public int outcomeCount() throws SQLException {
        try (Connection db = connect(); PreparedStatement count = db.prepareStatement(
                "SELECT COUNT(*) FROM SmsSendHistory WHERE VenueID = ?")) {
            count.setInt(1, VENUE);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Outcome rows per order id, with status and write time. */
    public Map<UUID, List<Outcome>> outcomes() throws SQLException {
        Map<UUID, List<Outcome>> outcomes = new HashMap<>();
        try (Connection db = connect(); PreparedStatement rows = db.prepareStatement(
                "SELECT h.OrderID, s.Name, h.CreatedAt FROM SmsSendHistory h"
                        + " JOIN SmsSendHistoryStatuses s ON s.ID = h.StatusID WHERE h.VenueID = ?")) {
            rows.setInt(1, VENUE);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
                    outcomes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Outcome(rs.getString(2), at));
                }
            }
        }
        return outcomes;
    }
}
