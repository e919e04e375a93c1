package com.tixtrack.sms.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The SMS flow's own meters, called from its routes once per event. A bean rather than {@code toD micrometer:...}:
 * a dynamic endpoint URI is built, normalised and looked up on every call, which cost about a tenth of the flow's
 * CPU in the benchmark (README: benchmark). Names and tags are the ones the dashboards and alerts use.
 */
@Component("smsMetrics")
public class SmsMetrics {

    private final MeterRegistry registry;

    public SmsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** sms.sent.total{provider,message_type}: an SMS the provider accepted. */
    public void sent(String provider, String messageType) {
        registry.counter("sms.sent.total", "provider", tag(provider), "message_type", tag(messageType)).increment();
    }

    /** sms.failed.total{provider,error_code}: an event that ended failed. */
    public void failed(String provider, String errorCode) {
        registry.counter("sms.failed.total", "provider", tag(provider), "error_code", tag(errorCode)).increment();
    }

    /** sms.skipped.total{reason}: an event skipped or blocked (its status is the reason). */
    public void skipped(String reason) {
        registry.counter("sms.skipped.total", "reason", tag(reason)).increment();
    }

    /** sms.failover.total{from}: a send moved on from this provider to the plan's next one. */
    public void failover(String from) {
        registry.counter("sms.failover.total", "from", tag(from)).increment();
    }

    /** sms.send.duration{provider}: the time of one provider call that got an answer, started at {@code started}. */
    public void sendTime(Date started, String provider) {
        if (started != null) {
            registry.timer("sms.send.duration", "provider", tag(provider))
                    .record(Duration.between(started.toInstant(), Instant.now()));
        }
    }

    private static String tag(String value) {
        return value == null ? "" : value;
    }
}
