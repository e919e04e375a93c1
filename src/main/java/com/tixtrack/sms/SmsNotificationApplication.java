package com.tixtrack.sms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SMS notification service: the flow itself lives in the Camel routes under {@code routes/}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmsNotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmsNotificationApplication.class, args);
    }
}
