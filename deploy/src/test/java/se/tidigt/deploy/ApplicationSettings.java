package se.tidigt.deploy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the application reads from its environment, derived from the application itself: the
 * {@code ${…}} placeholders of its application.yml and of every {@code @Value} in its classes, the
 * property names it defines there, and every {@code @ConfigurationProperties} target — the running
 * context's beans and every group of the configuration metadata on the classpath — bound from the
 * variable alone through Spring Boot's own relaxed binding of environment variables. Nothing is listed by hand, so a variable no part of the application reads is never "read".
 */
final class ApplicationSettings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)");
    /** Spring Boot maps environment variables relaxedly only for a source of this name. */
    private static final String ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    private final List<PropertySource<?>> applicationYml;
    private final Set<String> names = new TreeSet<>();
    /** Prefix and type of every {@code @ConfigurationProperties} target: the context's beans and Spring Boot's metadata. */
    private final Map<String, Set<ResolvableType>> configurationProperties = new TreeMap<>();

    private ApplicationSettings(List<PropertySource<?>> applicationYml) {
        this.applicationYml = applicationYml;
    }

    static ApplicationSettings of(ApplicationContext context, String basePackage) throws IOException {
        List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        ApplicationSettings settings = new ApplicationSettings(yml);
        ConfigurationPropertiesBean.getAll(context).values().forEach(bean ->
                settings.target(bean.getAnnotation().prefix(), bean.asBindTarget().getType()));
        settings.metadataGroups();
        for (PropertySource<?> source : yml) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                settings.names.add(name);
                settings.addPlaceholders(String.valueOf(enumerable.getProperty(name)));
            }
        }
        settings.valueAnnotations(basePackage).forEach(settings::addPlaceholders);
        return settings;
    }

    /** The property names and environment variables in {@code ${…}} of application.yml and {@code @Value}, and the yml's keys. */
    Set<String> names() {
        return names;
    }

    /** Whether a variable of this name, in the environment, changes anything the application reads. */
    boolean reads(String variable) {
        SystemEnvironmentPropertySource only = new SystemEnvironmentPropertySource(ENVIRONMENT, Map.of(variable, "x"));
        for (String name : names) {
            if (name.equals(variable) || only.containsProperty(name)) {
                return true;
            }
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(only));
        return configurationProperties.entrySet().stream().anyMatch(target ->
                target.getValue().stream().anyMatch(type -> bindsAnything(binder, target.getKey(), type)));
    }

    private static boolean bindsAnything(Binder binder, String prefix, ResolvableType type) {
        AtomicBoolean bound = new AtomicBoolean();
        BindHandler recorder = new AbstractBindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                bound.compareAndSet(false, context.getConfigurationProperty() != null);
                return result;
            }

            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
                // "x" is no number: the property was still read from the variable.
                bound.compareAndSet(false, context.getConfigurationProperty() != null);
                return null;
            }
        };
        try {
            // A new instance of the bean's type, never the live bean.
            binder.bind(prefix, Bindable.of(type), recorder);
        } catch (RuntimeException | LinkageError e) {
            // A type the binder cannot make from nothing, or of a library not on this classpath (a
            // metadata group of an auto-configuration that is off): what it recorded before that still counts.
        }
        return bound.get();
    }

    /** A setting's value with these environment variables over application.yml's defaults. */
    String resolve(String property, Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(ENVIRONMENT, environment));
        applicationYml.forEach(sources::addLast);
        return new PropertySourcesPropertyResolver(sources).getProperty(property);
    }

    private void target(String prefix, ResolvableType type) {
        configurationProperties.computeIfAbsent(prefix, p -> new java.util.LinkedHashSet<>()).add(type);
    }

    /**
     * The property groups of every configuration-metadata file on the classpath (Spring Boot's
     * auto-configurations and the libraries'): many are bound only once their own properties are set
     * (the OAuth2 client's registrations), so the running test context does not hold them all.
     */
    private void metadataGroups() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (var in = file.getInputStream()) {
                for (JsonNode group : json.readTree(in).path("groups")) {
                    try {
                        Class<?> type = Class.forName(group.path("type").asText(), false, getClass().getClassLoader());
                        target(group.path("name").asText(), ResolvableType.forClass(type));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // A group of a library not on this classpath: nothing of it can be read.
                    }
                }
            }
        }
    }

    private void addPlaceholders(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }

    private List<String> valueAnnotations(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<String> values = new ArrayList<>();
        scanner.findCandidateComponents(basePackage).forEach(definition -> {
            Class<?> type;
            try {
                type = Class.forName(definition.getBeanClassName(), false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
            List<AnnotatedElement> elements = new ArrayList<>();
            try {
                elements.addAll(List.of(type.getDeclaredFields()));
                Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                        .forEach(executable -> {
                            elements.add(executable);
                            elements.addAll(List.of(((Executable) executable).getParameters()));
                        });
            } catch (LinkageError e) {
                // A class of the gateway's tests whose members name a library these tests do not load
                // (ArchUnit, Selenium): a test reads no setting of the application.
                return;
            }
            for (AnnotatedElement element : elements) {
                Value value = element.getAnnotation(Value.class);
                if (value != null) {
                    values.add(value.value());
                }
            }
        });
        return values;
    }
}
