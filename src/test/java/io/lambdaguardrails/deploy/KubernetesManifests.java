package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loads the k8s/ manifests as typed fabric8 objects, either straight from the files (following the kustomization's
 * resources and building its generated ConfigMaps) or from {@code kubectl kustomize} output.
 */
final class KubernetesManifests {

    static final Path ROOT = Path.of("k8s");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class,
            "ServiceAccount", ServiceAccount.class,
            "ConfigMap", ConfigMap.class,
            "CronJob", CronJob.class,
            "Job", Job.class);

    private KubernetesManifests() {
    }

    /** The objects a kustomization directory describes, read from its files (names without kustomize's hash suffix). */
    static List<HasMetadata> fromFiles(Path directory) {
        JsonNode kustomization = readYaml(directory.resolve("kustomization.yaml")).get(0);
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(fromFiles(path));
            } else {
                readYaml(path).forEach(node -> objects.add(typed(node)));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            objects.add(generatedConfigMap(directory, generator));
        }
        return objects;
    }

    /** The objects {@code kubectl kustomize} renders for a directory. */
    static List<HasMetadata> rendered(Path kubectl, Path directory) {
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + errors);
            }
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll().stream()
                    .map(KubernetesManifests::typed)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> readYaml(Path file) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fields the typed model did not recognise (fabric8 keeps them as "additional properties" instead of failing):
     * a misspelt or misplaced field shows up here.
     */
    static List<String> unknownFields(HasMetadata object) {
        List<String> found = new ArrayList<>();
        collectUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), found);
        return found;
    }

    private static HasMetadata typed(JsonNode node) {
        Class<? extends HasMetadata> type = KINDS.get(node.path("kind").asText());
        if (type == null) {
            throw new AssertionError("unexpected kind in manifests: " + node.path("kind"));
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigMap generatedConfigMap(Path directory, JsonNode generator) {
        Map<String, String> data = new LinkedHashMap<>();
        generator.path("literals").forEach(literal -> putAssignment(data, literal.asText()));
        try {
            for (JsonNode env : generator.path("envs")) {
                Files.readAllLines(directory.resolve(env.asText())).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(line -> putAssignment(data, line));
            }
            for (JsonNode file : generator.path("files")) {
                data.put(Path.of(file.asText()).getFileName().toString(),
                        Files.readString(directory.resolve(file.asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigMapBuilder().withNewMetadata().withName(generator.get("name").asText()).endMetadata()
                .withData(data).build();
    }

    private static void putAssignment(Map<String, String> data, String assignment) {
        int equals = assignment.indexOf('=');
        data.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    private static void collectUnknownFields(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                collectUnknownFields(element, path + "[" + index++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, found));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
            } else if (isModelOrContainer(getter.getReturnType())) {
                collectUnknownFields(child, path + "." + getter.getName().substring(3), found);
            }
        }
    }

    private static boolean isModelOrContainer(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type.getPackageName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + getter, e);
        }
    }
}
