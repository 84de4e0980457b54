package dev.storesapi.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns invalid input into problems: an unreadable body or a bad path/query parameter is a 400;
 * a readable JSON body with wrong, missing or unknown fields is a 422 whose {@code errors} map
 * names each field by its JSON name (docs/api.md "Errors"). No message carries a Java class name.
 */
final class InvalidInput {

    private InvalidInput() {
    }

    static ProblemDetail fromUnreadableBody(HttpMessageNotReadableException ex, String path) {
        if (causeOf(ex, RequestBodyLimitFilter.PayloadTooLargeException.class) != null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimitFilter.DETAIL, path);
        }
        InputCoercionException outOfRange = causeOf(ex, InputCoercionException.class);
        if (outOfRange != null) {
            // Valid JSON, but the number does not fit the field (e.g. an id beyond 64 bits).
            return invalidField(fieldOf(outOfRange), "Is out of range.", path);
        }
        DatabindException databind = causeOf(ex, DatabindException.class);
        String field = databind == null ? "" : fieldPath(databind);
        if (!field.isEmpty()) {
            String message = switch (databind) {
                case UnrecognizedPropertyException unknown -> "Unknown field.";
                case InvalidNullException nullValue -> "must not be null";
                case MismatchedInputException mismatch -> expected(mismatch.getTargetType());
                default -> "Has an invalid value.";
            };
            return invalidField(field, message, path);
        }
        if (databind == null && causeOf(ex, StreamReadException.class) != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", path);
        }
        // Empty, null, an array or a scalar where an object was expected.
        return Problems.of(HttpStatus.BAD_REQUEST, "The request body must be a JSON object.", path);
    }

    private static ProblemDetail invalidField(String field, String message, String path) {
        return Problems.validationFailed("The request body has invalid fields.", Map.of(field, List.of(message)), path);
    }

    static ProblemDetail fromErrors(boolean body, List<? extends MessageSourceResolvable> errors, String path) {
        Map<String, List<String>> byField = new TreeMap<>();
        for (MessageSourceResolvable error : errors) {
            add(byField, error instanceof FieldError fieldError ? jsonName(fieldError.getField()) : "request",
                    message(error));
        }
        if (body) {
            return Problems.validationFailed("The request body has invalid fields.", byField, path);
        }
        return Problems.of(HttpStatus.BAD_REQUEST, describe(byField), path);
    }

    /** A bad path or query parameter makes the request a 400 even when its body is invalid too. */
    static ProblemDetail fromParameterResults(List<ParameterValidationResult> results, String path) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, List<String>> bodyFields = new TreeMap<>();
        for (ParameterValidationResult result : results) {
            boolean body = result.getMethodParameter().hasParameterAnnotation(RequestBody.class);
            Map<String, List<String>> errors = body ? bodyFields : parameters;
            if (result instanceof ParameterErrors fields) {
                // A validated object: the request body, or query parameters bound to a record.
                fields.getFieldErrors().forEach(error -> add(errors, jsonName(error.getField()), message(error)));
            } else {
                String name = jsonName(result.getMethodParameter().getParameterName());
                result.getResolvableErrors().forEach(error -> add(errors, name, message(error)));
            }
        }
        if (!parameters.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, describe(parameters), path);
        }
        return Problems.validationFailed("The request body has invalid fields.", bodyFields, path);
    }

    static ProblemDetail fromTypeMismatch(TypeMismatchException ex, String path) {
        String name = ex.getPropertyName() == null ? "parameter" : jsonName(ex.getPropertyName());
        String expected = expected(ex.getRequiredType());
        String detail = "Invalid parameter '" + name + "': " + Character.toLowerCase(expected.charAt(0))
                + expected.substring(1);
        return Problems.of(HttpStatus.BAD_REQUEST, detail, path);
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
    }

    private static String describe(Map<String, List<String>> byField) {
        return byField.entrySet().stream()
                .map(entry -> "Invalid parameter '" + entry.getKey() + "': " + String.join(", ", entry.getValue()) + ".")
                .collect(Collectors.joining(" "));
    }

    private static String message(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        if (codes != null && codes.length > 0 && codes[codes.length - 1].equals("typeMismatch")) {
            return "must be a whole number";
        }
        return error.getDefaultMessage();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "Has the wrong type.";
        }
        if (type == String.class) {
            return "Must be a string.";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "Must be a whole number.";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "Must be a number.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Must be true or false.";
        }
        return "Has the wrong type.";
    }

    private static String fieldOf(InputCoercionException ex) {
        String path = fieldPath(ex);
        if (!path.isEmpty()) {
            return path;
        }
        String name = ex.processor() instanceof JsonParser parser ? parser.currentName() : null;
        return name == null ? "request" : name;
    }

    private static String fieldPath(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** Java names are camelCase; every JSON name of this API is snake_case. */
    static String jsonName(String javaName) {
        return javaName == null ? "request" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
