package com.tixtrack.sms.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The order system's side: durable events onto the service's queue over the broker's TCP acceptor, remembering
 * when each was enqueued (the start of the end-to-end latency), and a browse of the dead-letter queue.
 */
public final class EventPublisher implements AutoCloseable {

    public static final String QUEUE = "SendOrderConfirmationSms";
    public static final String DEAD_LETTERS = "DLQ.SendOrderConfirmationSms";

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final Map<UUID, Long> enqueuedAt = new ConcurrentHashMap<>();

    public EventPublisher(int brokerPort) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort
                + "?reconnectAttempts=0");
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    /** Publishes as fast as the broker takes them, committing every 100: the backlog a burst of orders makes. */
    public void publishAll(List<BenchData.Event> events) throws JMSException {
        int inBatch = 0;
        List<BenchData.Event> batch = new java.util.ArrayList<>();
        for (BenchData.Event event : events) {
            send(event);
            batch.add(event);
            if (++inBatch == 100) {
                commit(batch);
                inBatch = 0;
            }
        }
        commit(batch);
    }

    /** Publishes at a steady rate, one commit per event (each is enqueued on its own, as orders arrive). */
    public void publishAt(List<BenchData.Event> events, double perSecond) throws Exception {
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < events.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait); // pacing, not waiting for a condition
            }
            send(events.get(i));
            commit(List.of(events.get(i)));
        }
    }

    /** The same event published again (a duplicate from the order system). */
    public void publishDuplicate(BenchData.Event event) throws JMSException {
        send(event);
        session.commit();
    }

    private void send(BenchData.Event event) throws JMSException {
        TextMessage message = session.createTextMessage(event.payload());
        producer.send(message);
    }

    private void commit(List<BenchData.Event> batch) throws JMSException {
        session.commit();
        long now = System.currentTimeMillis();
        batch.forEach(event -> enqueuedAt.putIfAbsent(event.orderId(), now));
        if (batch instanceof java.util.ArrayList) {
            batch.clear();
        }
    }

    public Map<UUID, Long> enqueuedAt() {
        return enqueuedAt;
    }

    /** Order ids of the events now on the dead-letter queue. */
    public Set<UUID> deadLettered() throws JMSException {
        Set<UUID> orders = new HashSet<>();
        try (Session browsing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Queue dlq = browsing.createQueue(DEAD_LETTERS);
            try (QueueBrowser browser = browsing.createBrowser(dlq)) {
                var messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    String body = ((TextMessage) messages.nextElement()).getText();
                    int at = body.indexOf("\"OrderId\": \"") + 12;
                    orders.add(UUID.fromString(body.substring(at, at + 36)));
                }
            }
        }
        return orders;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
