package com.tixtrack.sms.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /docs} opens the API browser ({@code static/docs/index.html}, Swagger UI over {@code /openapi.json}). */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/index.html");
    }
}
