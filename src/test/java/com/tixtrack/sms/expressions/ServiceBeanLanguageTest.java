package com.tixtrack.sms.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The started service resolves Simple's [key] reads through the direct-index bean language. */
@SpringBootTest
@ActiveProfiles("test")
class ServiceBeanLanguageTest {

    @Autowired
    CamelContext camel;

    @Test
    void theRoutesBeanLanguageReadsIndexesDirectly() {
        assertThat(camel.resolveLanguage("bean")).isInstanceOf(DirectIndexBeanLanguage.class);
    }
}
