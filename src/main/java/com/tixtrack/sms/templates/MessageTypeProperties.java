package com.tixtrack.sms.templates;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The message types the service sends ({@code sms.message-types}), keyed by event name, and template limits
 * ({@code sms.templates}). A new message type is a configuration entry plus a consumer line in
 * routes/message-consumers.camel.yaml; the flow itself is shared.
 */
@ConfigurationProperties("sms")
public class MessageTypeProperties {

    private Map<String, MessageType> messageTypes = new LinkedHashMap<>();
    private Templates templates = new Templates();

    public Map<String, MessageType> getMessageTypes() {
        return messageTypes;
    }

    public void setMessageTypes(Map<String, MessageType> messageTypes) {
        this.messageTypes = messageTypes;
    }

    public Templates getTemplates() {
        return templates;
    }

    public void setTemplates(Templates templates) {
        this.templates = templates;
    }

    public static class MessageType {
        /** the name used in admin URLs (order-confirmation) */
        private String alias;
        /** the template, with {CustomerName}, {OrderNumber}, {EventName}, {EventDate}, ... placeholders */
        private String template;
        /** per-venue replacements of the template, keyed by venue id */
        private Map<String, String> venueTemplates = new LinkedHashMap<>();

        public String getAlias() {
            return alias;
        }

        public void setAlias(String alias) {
            this.alias = alias;
        }

        public String getTemplate() {
            return template;
        }

        public void setTemplate(String template) {
            this.template = template;
        }

        public Map<String, String> getVenueTemplates() {
            return venueTemplates;
        }

        public void setVenueTemplates(Map<String, String> venueTemplates) {
            this.venueTemplates = venueTemplates;
        }
    }

    public static class Templates {
        /** a rendered message costing more segments than this is refused (outcome failed, too_many_segments) */
        private int maxSegments = 3;

        public int getMaxSegments() {
            return maxSegments;
        }

        public void setMaxSegments(int maxSegments) {
            this.maxSegments = maxSegments;
        }
    }
}
