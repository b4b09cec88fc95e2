package se.tidigt.platform.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Jackson reads an instant in the store's own form with {@link IsoInstants}, and every other form with the
 * deserializer it would have used anyway (Java time's, with its features and any {@code @JsonFormat}): the same
 * values, without the general formatter's cost for each event's time when the event store is read in bulk.
 * A property with a format of its own keeps the general deserializer alone, and so does any other deserializer of
 * instants registered (the request bodies' bounded ones).
 */
public final class IsoInstantReading extends SimpleModule {

    public IsoInstantReading() {
        super("tidigt-iso-instants");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                // Java time's own only: a deserializer of the application's (the request bodies' bounded instants)
                // has rules of its own and is left as it is.
                return deserializer.getClass() == InstantDeserializer.class ? new StoreForm(deserializer) : deserializer;
            }
        });
    }

    /** The store's form first; anything else to the deserializer found for {@link Instant}. */
    static final class StoreForm extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
        private final JsonDeserializer<?> general;

        StoreForm(JsonDeserializer<?> general) {
            super(Instant.class);
            this.general = general;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant read = IsoInstants.parse(parser.getText());
                if (read != null) {
                    return read;
                }
            }
            return (Instant) general.deserialize(parser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (!(general instanceof ContextualDeserializer contextual)) {
                return this;
            }
            JsonDeserializer<?> forProperty = contextual.createContextual(context, property);
            // The same deserializer: no format of the property's own. Another: the property's format decides alone.
            return forProperty == general ? this : forProperty;
        }
    }
}
