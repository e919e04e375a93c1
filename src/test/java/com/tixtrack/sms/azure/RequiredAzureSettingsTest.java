package com.tixtrack.sms.azure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.tixtrack.sms.SmsNotificationApplication;

/** The azure profile fails fast, naming every missing setting and no secret. */
class RequiredAzureSettingsTest {

    @Test
    void startupNamesEveryMissingSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SmsNotificationApplication.class)
                .profiles("azure")
                .run("--server.port=0", "--SMS_DB_USERNAME=app", "--SMS_DB_PASSWORD=s3cret-value").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMS_DB_URL (spring.datasource.url)")
                .hasMessageContaining("SMS_PUBLIC_BASE_URL")
                .hasMessageContaining("SMS_READER_KEY")
                .hasMessageContaining("SMS_ADMIN_KEY")
                .hasMessageContaining("SMS_SERVICEBUS_NAMESPACE")
                .hasMessageNotContaining("SMS_DB_USERNAME")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void aConnectionStringReplacesTheNamespace() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SmsNotificationApplication.class)
                .profiles("azure")
                .run("--server.port=0", "--SMS_SERVICEBUS_CREDENTIAL_TYPE=CONNECTION_STRING").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMS_SERVICEBUS_CONNECTION_STRING")
                .hasMessageNotContaining("SMS_SERVICEBUS_NAMESPACE");
    }
}
