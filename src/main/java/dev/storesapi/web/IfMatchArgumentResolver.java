package dev.storesapi.web;

import dev.storesapi.error.PreconditionRequiredException;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method that declares an {@link IfMatch} parameter the request's If-Match: a 400
 * when it is malformed, and a 428 when it is missing and required (REQUIRE_IF_MATCH).
 */
final class IfMatchArgumentResolver implements HandlerMethodArgumentResolver {

    private final boolean required;

    IfMatchArgumentResolver(boolean required) {
        this.required = required;
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
