package se.tidigt.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import se.tidigt.platform.problem.Problems;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns a body Jackson could not read into a 400 that names the field and what it should be. */
final class UnreadableBody {
    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getProcessor() != null
                    && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field")) {
                return Problems.invalid(path(read.getProcessor().getParsingContext()), "is given more than once");
            }
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.invalid(path(mapping), expectation(mapping));
        }
        if (cause instanceof MismatchedInputException trailing
                && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body has content after the JSON value.");
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

    /** The JSON path of where a parser stands, e.g. {@code child.personalIdentityNumber}. */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getOriginalMessage() != null
                && format.getOriginalMessage().startsWith("must ")) {
            return format.getOriginalMessage();
        }
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
