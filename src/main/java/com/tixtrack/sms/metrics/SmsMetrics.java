package com.tixtrack.sms.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

    /** sms.sent.total{provider,message_type}, sms.failed.total{provider,error_code} or sms.skipped.total{reason}. */
    public void outcome(String status, String provider, String messageType, String errorCode) {
        if ("sent".equals(status)) {
            registry.counter("sms.sent.total", "provider", tag(provider), "message_type", tag(messageType)).increment();
        } else if ("failed".equals(status)) {
            registry.counter("sms.failed.total", "provider", tag(provider), "error_code", tag(errorCode)).increment();
        } else {
            registry.counter("sms.skipped.total", "reason", tag(status)).increment();
        }
    }

    /** sms.failover.total{from}: a send moved on from this provider to the plan's next one. */
    public void failover(String from) {
        registry.counter("sms.failover.total", "from", tag(from)).increment();
    }

    /** Starts timing one provider call. */
    public Timer.Sample startSend() {
        return Timer.start(registry);
    }

    /** sms.send.duration{provider}: the time of one provider call that got an answer. */
    public void stopSend(Timer.Sample started, String provider) {
        if (started != null) {
            started.stop(registry.timer("sms.send.duration", "provider", tag(provider)));
        }
    }

    private static String tag(String value) {
        return value == null ? "" : value;
    }
}
