package dev.storesapi.web;

import dev.storesapi.error.PreconditionRequiredException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller method that declares an {@link IfMatch} parameter the request's If-Match: a 400
 * when it is malformed, and a 428 when it is missing and REQUIRE_IF_MATCH is on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConditionalWriteProperties.class)
class IfMatchArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final boolean required;

    IfMatchArgumentResolver(ConditionalWriteProperties properties) {
        this.required = properties.requireIfMatch();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] fieldLines = request.getHeaderValues(HttpHeaders.IF_MATCH);
        IfMatch ifMatch = IfMatch.parse(fieldLines == null ? List.of() : List.of(fieldLines));
        if (required && !ifMatch.isPresent()) {
            throw new PreconditionRequiredException(IfMatch.REQUIRED);
        }
        return ifMatch;
    }
}
