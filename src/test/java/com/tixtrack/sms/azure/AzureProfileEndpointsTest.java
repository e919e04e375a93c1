package com.tixtrack.sms.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.azure.servicebus.ServiceBusConfiguration;
import org.apache.camel.component.azure.servicebus.ServiceBusEndpoint;
import org.apache.camel.component.azure.servicebus.ServiceBusType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import com.tixtrack.sms.deadletters.ServiceBusDeadLetters;

/**
 * The azure profile's Camel endpoints are built with the right Service Bus options from configuration. Nothing
 * connects: routes are created but not started, and H2 stands in for SQL Server.
 */
@SpringBootTest(properties = {
        "SMS_DB_URL=jdbc:h2:mem:azure-profile;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "SMS_DB_USERNAME=sa", "SMS_DB_PASSWORD=",
        "SMS_FLYWAY_LOCATIONS=classpath:db/migration,classpath:db/vendor/h2",
        "SMS_SERVICEBUS_CREDENTIAL_TYPE=CONNECTION_STRING",
        "SMS_SERVICEBUS_CONNECTION_STRING=Endpoint=sb://localhost/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==",
        "SMS_EVENTS_CONCURRENCY=12",
        "SMS_PUBLIC_BASE_URL=https://sms.example.test",
        "SMS_READER_KEY=reader-key-for-tests", "SMS_ADMIN_KEY=admin-key-for-tests",
        "TWILIO_ACCOUNT_SID=ACtest0000000000000000000000000000", "TWILIO_AUTH_TOKEN=test",
        "camel.main.auto-startup=false"})
@ActiveProfiles({"test", "azure"})
class AzureProfileEndpointsTest {

    @Autowired
    CamelContext camel;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void eventsComeFromTheTopicSubscriptionInPeekLockAndDeadLetterWithTheirReason() {
        ServiceBusConfiguration events = consumerOf("order-confirmation-consumer");
        assertThat(events.getTopicOrQueueName()).isEqualTo("SendOrderConfirmationSms");
        assertThat(events.getServiceBusType()).isEqualTo(ServiceBusType.topic);
        assertThat(events.getSubscriptionName()).isEqualTo("sms-notification-service");
        assertThat(events.getServiceBusReceiveMode()).isEqualTo(ServiceBusReceiveMode.PEEK_LOCK);
        assertThat(events.getMaxConcurrentCalls()).isEqualTo(12);
        assertThat(events.isEnableDeadLettering()).isTrue();
        assertThat(events.getMaxAutoLockRenewDuration()).isEqualTo(300_000L); // PT5M, in ms
        assertThat(events.getConnectionString()).startsWith("Endpoint=sb://localhost/");

        ServiceBusConfiguration reminders = consumerOf("event-reminder-consumer");
        assertThat(reminders.getTopicOrQueueName()).isEqualTo("SendEventReminderSms");
        assertThat(reminders.getSubscriptionName()).isEqualTo("sms-notification-service");
    }

    @Test
    void deadLettersAreTheSubscriptionsDeadLetterSubQueue() {
        ServiceBusEndpoint deadLetters = camel.getEndpoint(environment.getProperty("sms.dead-letters.uri"), ServiceBusEndpoint.class);
        assertThat(deadLetters.getConfiguration().getSubQueue()).isEqualTo(SubQueue.DEAD_LETTER_QUEUE);
        assertThat(environment.getProperty("sms.dead-letters.publish-uri")).isEqualTo("direct:servicebus-dead-letter");
        assertThat(environment.getProperty("sms.events.max-deliveries")).isEqualTo("1");
        assertThat(context.getBean("deadLetters")).isInstanceOf(ServiceBusDeadLetters.class);
        assertThat(context.getBeanNamesForType(jakarta.jms.ConnectionFactory.class)).isEmpty();
    }

    private ServiceBusConfiguration consumerOf(String routeId) {
        return ((ServiceBusEndpoint) camel.getRoute(routeId).getEndpoint()).getConfiguration();
    }
}
