package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.tidigt.platform.problem.ApiProblem;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters in force: the defaults, then the deployment's configuration
 * ({@code tidigt.spread.parameters.<name>}, checked at start: an unknown name or a value out of range stops the
 * application with a message naming it), then a request's overrides (checked strictly: 400 naming the field).
 */
@Component
class SpreadParameters {
    static final String CONFIGURED = "tidigt.spread.parameters";

    private final Map<SpreadParameter, Double> configured = new EnumMap<>(SpreadParameter.class);

    SpreadParameters(Environment environment) {
        Map<String, String> given = Binder.get(environment).bind(CONFIGURED, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        given.forEach((name, text) -> {
            SpreadParameter parameter = SpreadParameter.configured(name).orElseThrow(() -> new IllegalStateException(
                    CONFIGURED + "." + name + " is not a parameter of the spread investigation"));
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(CONFIGURED + "." + name + " " + parameter.range());
            }
            if (!parameter.allows(value)) {
                throw new IllegalStateException(CONFIGURED + "." + name + " " + parameter.range());
            }
            configured.put(parameter, value);
        });
    }

    /** The parameters with a request's overrides (null: none), each checked. */
    Values resolve(Map<String, JsonNode> overrides) {
        Map<SpreadParameter, Double> values = new EnumMap<>(SpreadParameter.class);
        Map<SpreadParameter, String> origins = new EnumMap<>(SpreadParameter.class);
        for (SpreadParameter p : SpreadParameter.values()) {
            values.put(p, configured.getOrDefault(p, p.defaultValue()));
            origins.put(p, configured.containsKey(p) ? "configuration" : "default");
        }
        if (overrides != null) {
            for (Map.Entry<String, JsonNode> given : new TreeMap<>(overrides).entrySet()) {
                SpreadParameter p = SpreadParameter.named(given.getKey()).orElseThrow(() -> ApiProblem.invalid(
                        "parameters." + given.getKey(), "is not a parameter; known: " + names()));
                JsonNode value = given.getValue();
                if (value == null || !value.isNumber() || !p.allows(value.doubleValue())) {
                    throw ApiProblem.invalid("parameters." + given.getKey(), p.range());
                }
                values.put(p, value.doubleValue());
                origins.put(p, "request");
            }
        }
        return new Values(values, origins);
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(SpreadParameter.values()).map(SpreadParameter::apiName).toList());
    }

    /** The values in force and where each was set (default, configuration, request). */
    record Values(Map<SpreadParameter, Double> values, Map<SpreadParameter, String> origins) {
        double get(SpreadParameter parameter) {
            return values.get(parameter);
        }

        List<SpreadAnswers.Parameter> listed() {
            return java.util.Arrays.stream(SpreadParameter.values()).map(p -> new SpreadAnswers.Parameter(p.apiName(),
                    values.get(p), p.unit(), p.source(), origins.get(p))).toList();
        }
    }
}
