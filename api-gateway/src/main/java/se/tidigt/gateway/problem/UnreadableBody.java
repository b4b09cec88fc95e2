package se.tidigt.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns a body Jackson could not read into a 400 that names the field and what it should be. */
final class UnreadableBody {
    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.invalid(path(mapping), expectation(mapping));
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not well-formed JSON.");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "The body is missing or cannot be read as JSON.");
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                return "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            if (Temporal.class.isAssignableFrom(type) || type == java.time.YearMonth.class) {
                return "must be " + TimeFormats.describe(type);
            }
            if (mapping instanceof InvalidFormatException || type.isPrimitive() || Number.class.isAssignableFrom(type)
                    || type == Boolean.class || type == String.class) {
                return "must be of type " + TimeFormats.jsonName(type);
            }
            return "has the wrong type";
        }
        return "cannot be read";
    }
}
