package com.tixtrack.sms.expressions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Simple's {@code [key]} reads in every route go through {@link DirectIndexBeanLanguage}. Camel takes a language
 * from the registry before its own, by the language's name or with the {@code -language} suffix; the routes' Simple
 * expressions are unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class ExpressionConfiguration {

    @Bean("bean-language")
    DirectIndexBeanLanguage beanLanguage() {
        return new DirectIndexBeanLanguage();
    }
}
