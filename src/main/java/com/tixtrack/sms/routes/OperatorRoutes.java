package com.tixtrack.sms.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Adds the operator's route directory ({@code sms.routes.extra-location}) to the routes Camel loads, so
 * integration engineers can add or replace a route without rebuilding. A file there with the same name as a
 * built-in route file replaces it (the built-in one is excluded); any other YAML/XML file is added.
 */
@Component
public class OperatorRoutes implements BeanPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRoutes.class);
    static final String EXTRA_LOCATION = "sms.routes.extra-location";
    static final String BUILT_IN_DIR = "classpath:routes/";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamelConfigurationProperties camel) {
            String location = environment.getProperty(EXTRA_LOCATION, "").trim();
            if (!location.isEmpty()) {
                apply(camel.getMain(), Path.of(location));
            }
        }
        return bean;
    }

    static void apply(CamelConfigurationProperties.Main main, Path location) {
        Path dir = location.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(EXTRA_LOCATION + " points at '" + dir
                    + "', which is not a directory: create it or leave the setting empty");
        }
        List<String> include = split(main.getRoutesIncludePattern());
        include.add("file:" + dir + "/*.camel.yaml");
        include.add("file:" + dir + "/*.xml");
        List<String> exclude = split(main.getRoutesExcludePattern());
        for (String name : routeFileNames(dir)) {
            if (new DefaultResourceLoader().getResource(BUILT_IN_DIR + name).exists()) {
                exclude.add(BUILT_IN_DIR + name);
                LOG.info("Operator route file {} replaces the built-in one", name);
            } else {
                LOG.info("Operator route file {} added", name);
            }
        }
        main.setRoutesIncludePattern(String.join(",", include));
        main.setRoutesExcludePattern(exclude.isEmpty() ? null : String.join(",", exclude));
    }

    private static List<String> split(String patterns) {
        List<String> list = new ArrayList<>();
        if (patterns != null) {
            Arrays.stream(patterns.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(list::add);
        }
        return list;
    }

    private static List<String> routeFileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".camel.yaml") || n.endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list operator routes in " + dir + ": " + e.getMessage(), e);
        }
    }
}
