package dev.storesapi.web;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Conditional writes (docs/api.md "Conditional writes"): controllers take an {@link IfMatch} parameter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConditionalWriteProperties.class)
class ConditionalWritesConfig implements WebMvcConfigurer {

    private final ConditionalWriteProperties properties;

    ConditionalWritesConfig(ConditionalWriteProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchArgumentResolver(properties.requireIfMatch()));
    }
}
