package se.tidigt.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** The Kubernetes manifests of deploy/kubernetes, as kustomize takes them: the files its kustomization lists. */
final class Manifests {
    static final Path DIRECTORY = Path.of("kubernetes");

    private final List<Map<String, Object>> documents;
    private final List<String> files;

    private Manifests(List<Map<String, Object>> documents, List<String> files) {
        this.documents = documents;
        this.files = files;
    }

    @SuppressWarnings("unchecked")
    static Manifests load() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DIRECTORY.resolve("kustomization.yaml")));
        List<String> files = (List<String>) kustomization.get("resources");
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String file : files) {
            for (Object document : new Yaml().loadAll(Files.readString(DIRECTORY.resolve(file)))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return new Manifests(documents, files);
    }

    List<String> files() {
        return files;
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    /** The application's container in the Deployment. */
    Map<String, Object> container() {
        List<Map<String, Object>> containers = list(at(one("Deployment"), "spec", "template", "spec", "containers"));
        return containers.stream().filter(c -> "tidigt".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container tidigt"));
    }

    /** The environment the container starts with: its ConfigMaps (envFrom) and its own entries, by name. */
    Map<String, Map<String, Object>> environment() {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container().get("envFrom"))) {
            Map<String, Object> ref = map(from.get("configMapRef"));
            if (ref == null) {
                throw new AssertionError("envFrom other than a ConfigMap: " + from);
            }
            map(named("ConfigMap", (String) ref.get("name")).get("data")).forEach((name, value) ->
                    env.put(name, Map.of("value", String.valueOf(value), "from", "ConfigMap " + ref.get("name"))));
        }
        for (Map<String, Object> entry : list(container().get("env"))) {
            env.put((String) entry.get("name"), entry);
        }
        return env;
    }

    /** The container's plain values (what the application would see), for resolving its settings. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        environment().forEach((name, entry) -> {
            if (entry.get("value") != null) {
                values.put(name, String.valueOf(entry.get("value")));
            }
        });
        return values;
    }

    /** Every map in every document, depth first, with its path. */
    void walk(Consumer<Map<String, Object>> visitor) {
        documents.forEach(d -> walk(d, visitor));
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, Consumer<Map<String, Object>> visitor) {
        if (node instanceof Map<?, ?> map) {
            visitor.accept((Map<String, Object>) map);
            map.values().forEach(v -> walk(v, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, visitor));
        }
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node == null ? List.of() : ((List<Object>) node).stream().filter(Objects::nonNull)
                .map(o -> (Map<String, Object>) o).toList();
    }
}
