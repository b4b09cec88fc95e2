package se.tidigt.gateway.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The application's ObjectMapper, made strict for what clients send (events and tokens keep the
 * application's own mapper, so stored data is always readable): no enum ordinals ({@code "0"} or
 * {@code 0}), no fractions or exponents for whole numbers, no epoch numbers for times, nothing after
 * the JSON value, no key twice, every string a JSON string under {@link StrictStrings}' rule (no number
 * turned into a string, no control, bidi or zero-width character, no padding), and no date outside
 * {@link #EARLIEST}..{@link #LATEST}, which every table can hold.
 * The domains then bound dates to what they mean.
 */
@Component
public class StrictJson {
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final String RANGE = "must lie between " + EARLIEST + " and " + LATEST;

    private final ObjectMapper mapper;

    StrictJson(ObjectMapper application) {
        this.mapper = strict(application.copy());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    @SuppressWarnings("deprecation") // MapperFeature on a mapper of our own, before first use, is how Jackson 2 sets it
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Without this Jackson reads "0" as the first enum constant, "true" as a boolean and "5" as a number.
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        SimpleModule module = new SimpleModule("tidigt-strict-input");
        module.addDeserializer(String.class, new PrintableString());
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT,
                i -> LocalDate.ofInstant(i, ZoneOffset.UTC)));
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                Function.identity()));
        module.addDeserializer(YearMonth.class, new Bounded<>(YearMonth.class, YearMonthDeserializer.INSTANCE,
                m -> m.atDay(1)));
        mapper.registerModule(module);
        return mapper;
    }

    /** A time written as a string (never an epoch number), within the range every table holds. */
    private static final class Bounded<T> extends StdScalarDeserializer<T> {
        private final transient JsonDeserializer<T> iso;
        private final transient Function<T, LocalDate> day;

        Bounded(Class<T> type, JsonDeserializer<T> iso, Function<T, LocalDate> day) {
            super(type);
            this.iso = iso;
            this.day = day;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            T value = iso.deserialize(p, context);
            LocalDate date = value == null ? null : day.apply(value);
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw InvalidFormatException.from(p, RANGE, text, handledType());
            }
            return value;
        }
    }

    /** Every string field: a JSON string under the one rule ({@link StrictStrings}). */
    private static final class PrintableString extends StdScalarDeserializer<String> {
        PrintableString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, p);
            }
            String value = StringDeserializer.instance.deserialize(p, context);
            if (value != null && !StrictStrings.allowed(value)) {
                throw InvalidFormatException.from(p, StrictStrings.RULE, value, String.class);
            }
            return value;
        }
    }
}
