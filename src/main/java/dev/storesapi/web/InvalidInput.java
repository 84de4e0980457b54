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
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns invalid input into problems: an unreadable body or a bad path/query parameter is a 400;
 * a readable JSON body with wrong, missing or unknown fields is a 422 whose {@code errors} map
 * names each field by its JSON name (contract §4). No message carries a Java class name.
 */
final class InvalidInput {

    private InvalidInput() {
    }

    static ProblemDetail fromUnreadableBody(HttpMessageNotReadableException ex, String path) {
        if (causeOf(ex, RequestBodyLimitFilter.PayloadTooLargeException.class) != null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body must not exceed 1 MiB.", path);
        }
        DatabindException databind = causeOf(ex, DatabindException.class);
        String field = databind == null ? "" : fieldPath(databind);
        if (field.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST,
                    databind instanceof MismatchedInputException
                            ? "The request body must be a JSON object."
                            : "The request body is not valid JSON.",
                    path);
        }
        String message = switch (databind) {
            case UnrecognizedPropertyException unknown -> "Unknown field.";
            case InvalidNullException nullValue -> "must not be null";
            case MismatchedInputException mismatch -> expected(mismatch.getTargetType());
            default -> "Has an invalid value.";
        };
        return Problems.validationFailed("The request body has invalid fields.", Map.of(field, List.of(message)), path);
    }

    static ProblemDetail fromErrors(boolean body, List<? extends MessageSourceResolvable> errors, String path) {
        Map<String, List<String>> byField = new TreeMap<>();
        for (MessageSourceResolvable error : errors) {
            String field = error instanceof FieldError fieldError ? jsonName(fieldError.getField()) : "request";
            byField.computeIfAbsent(field, key -> new ArrayList<>()).add(message(error));
        }
        if (body) {
            return Problems.validationFailed("The request body has invalid fields.", byField, path);
        }
        return Problems.of(HttpStatus.BAD_REQUEST, describe(byField), path);
    }

    static ProblemDetail fromParameterResults(boolean body, List<ParameterValidationResult> results, String path) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (ParameterValidationResult result : results) {
            if (result instanceof ParameterErrors errors) {
                // A validated object (request body, or query parameters bound to a record).
                ProblemDetail nested = fromErrors(body, errors.getAllErrors(), path);
                if (body) {
                    return nested;
                }
                errors.getFieldErrors().forEach(error -> byField
                        .computeIfAbsent(jsonName(error.getField()), key -> new ArrayList<>())
                        .add(message(error)));
            } else {
                String name = jsonName(result.getMethodParameter().getParameterName());
                result.getResolvableErrors().forEach(error ->
                        byField.computeIfAbsent(name, key -> new ArrayList<>()).add(message(error)));
            }
        }
        return Problems.of(HttpStatus.BAD_REQUEST, describe(byField), path);
    }

    static ProblemDetail fromTypeMismatch(TypeMismatchException ex, String path) {
        String name = ex.getPropertyName() == null ? "parameter" : jsonName(ex.getPropertyName());
        String expected = expected(ex.getRequiredType());
        String detail = "Invalid parameter '" + name + "': " + Character.toLowerCase(expected.charAt(0))
                + expected.substring(1);
        return Problems.of(HttpStatus.BAD_REQUEST, detail, path);
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

    private static String fieldPath(DatabindException ex) {
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
