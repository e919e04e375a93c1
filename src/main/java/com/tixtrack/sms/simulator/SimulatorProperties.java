package com.tixtrack.sms.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sms.simulators.*}: the local provider simulators. */
@ConfigurationProperties("sms.simulators")
public class SimulatorProperties {

    private boolean enabled;
    private long latencyMs;
    private boolean statusCallbacks = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    public void setLatencyMs(long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public boolean isStatusCallbacks() {
        return statusCallbacks;
    }

    public void setStatusCallbacks(boolean statusCallbacks) {
        this.statusCallbacks = statusCallbacks;
    }
}
