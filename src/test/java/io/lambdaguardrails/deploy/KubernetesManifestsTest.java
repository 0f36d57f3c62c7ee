package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.lambdaguardrails.cli.LambdaGuardrailsCommand;
import io.lambdaguardrails.rules.Settings;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The k8s/ manifests parsed into fabric8's typed models, checked field by field: once from the files themselves and
 * once as {@code kubectl kustomize} renders them (skipped when kubectl is absent).
 */
@Tag("packaging")
class KubernetesManifestsTest {

    private static final String CONFIG_PATH = "/etc/lambda-guardrails/guardrails.yaml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    /** How to load an overlay: straight from the files, or rendered by kubectl kustomize. */
    static Stream<Named<Function<String, List<HasMetadata>>>> loaders() {
        return Stream.of(
                Named.of("files", overlay -> KubernetesManifests.fromFiles(KubernetesManifests.ROOT.resolve(overlay))),
                Named.of("kubectl kustomize", overlay -> {
                    Path kubectl = Executables.onPath("kubectl").orElse(null);
                    assumeTrue(kubectl != null,
                            "kubectl is not on the PATH: skipping the kubectl kustomize rendering of k8s/" + overlay);
                    return KubernetesManifests.rendered(kubectl, KubernetesManifests.ROOT.resolve(overlay));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void everyOverlayParsesWithoutUnknownFields(Function<String, List<HasMetadata>> loader) {
        for (String overlay : List.of("overlays/cronjob", "overlays/sharded")) {
            List<HasMetadata> objects = loader.apply(overlay);
            assertThat(objects).as(overlay).isNotEmpty();
            assertThat(objects).allSatisfy(object -> assertThat(KubernetesManifests.unknownFields(object)).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void theBaseHasARestrictedNamespaceAndAnIrsaServiceAccount(Function<String, List<HasMetadata>> loader) {
        List<HasMetadata> objects = loader.apply("overlays/cronjob");

        Namespace namespace = only(objects, Namespace.class);
        assertThat(namespace.getMetadata().getName()).isEqualTo("lambda-guardrails");
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        ServiceAccount account = only(objects, ServiceAccount.class);
        assertThat(account.getMetadata().getName()).isEqualTo("lambda-guardrails");
        assertThat(account.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
                .matches("arn:aws:iam::\\d{12}:role/.+");
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
        assertThat(configMap(objects, "lambda-guardrails-config").getData()).containsKey("guardrails.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void theCronJobScansTheOrganisationNightlyOneRunAtATime(Function<String, List<HasMetadata>> loader) {
        List<HasMetadata> objects = loader.apply("overlays/cronjob");
        CronJob cronJob = only(objects, CronJob.class);
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        PodSpec pod = job.getTemplate().getSpec();
        List<String> args = pod.getContainers().get(0).getArgs();

        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 2 * * *");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
        assertThat(job.getBackoffLimit()).isNotNull();
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
        assertThat(args.get(0)).isEqualTo("scan");
        assertThat(args).contains("--org", "--role-name", "--regions");
        assertThat(option(args, "--log-format")).isEqualTo("json");
        assertHardenedPod(pod, objects, Set.of());
        assertThat(resolved(pod.getContainers().get(0), objects, option(args, "--output"))).startsWith("s3://");
        assertTheCommandLineAccepts(pod.getContainers().get(0), objects);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void theShardedOverlayRunsNIndexedShardsAndOneMergeThatWaitsForThem(Function<String, List<HasMetadata>> loader) {
        List<HasMetadata> objects = loader.apply("overlays/sharded");
        Job shards = job(objects, "lambda-guardrails-shards");
        Job merge = job(objects, "lambda-guardrails-merge");
        Container shard = shards.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container merger = merge.getSpec().getTemplate().getSpec().getContainers().get(0);
        int n = shards.getSpec().getCompletions();

        assertThat(shards.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(shards.getSpec().getParallelism()).isEqualTo(n);
        assertThat(shard.getArgs().get(0)).isEqualTo("scan");
        assertThat(shard.getArgs()).contains("--org", "--partial");
        assertThat(option(shard.getArgs(), "--shard")).isEqualTo("$(JOB_COMPLETION_INDEX)/" + n);
        assertThat(option(shard.getArgs(), "--run-id")).isEqualTo("$(RUN_ID)");
        assertThat(option(shard.getArgs(), "--log-format")).isEqualTo("json");
        assertHardenedPod(shards.getSpec().getTemplate().getSpec(), objects, Set.of("JOB_COMPLETION_INDEX"));

        assertThat(merger.getArgs().get(0)).isEqualTo("merge");
        assertThat(option(merger.getArgs(), "--run-id")).isEqualTo("$(RUN_ID)");
        assertThat(option(merger.getArgs(), "--shards")).isEqualTo(String.valueOf(n));
        assertThat(option(merger.getArgs(), "--output")).isEqualTo(option(shard.getArgs(), "--output"));
        assertThat(resolved(merger, objects, option(merger.getArgs(), "--output"))).startsWith("s3://");
        assertHardenedPod(merge.getSpec().getTemplate().getSpec(), objects, Set.of());

        Duration wait = duration(option(merger.getArgs(), "--wait"));
        assertThat(wait).as("merge waits longer than the shards may run")
                .isGreaterThan(Duration.ofSeconds(shards.getSpec().getActiveDeadlineSeconds()));
        assertThat(Duration.ofSeconds(merge.getSpec().getActiveDeadlineSeconds())).as("merge deadline covers its wait")
                .isGreaterThan(wait);
        assertTheCommandLineAccepts(shard, objects);
        assertTheCommandLineAccepts(merger, objects);
    }

    @Test
    void theConfigFileUsesOnlyKnownSettings() {
        JsonNode config = KubernetesManifests.readYaml(KubernetesManifests.ROOT.resolve("base/guardrails.yaml")).get(0);

        assertThat(config.get("version").asInt()).isEqualTo(1);
        config.get("settings").properties().forEach(group -> {
            Class<?> groupType = componentType(Settings.class, group.getKey());
            group.getValue().properties().forEach(setting -> componentType(groupType, setting.getKey()));
        });
    }

    /** The pod meets the restricted Pod Security Standard, writes only to /tmp and can finish an account on SIGTERM. */
    private static void assertHardenedPod(PodSpec pod, List<HasMetadata> objects, Set<String> injectedVariables) {
        assertThat(pod.getServiceAccountName()).isEqualTo("lambda-guardrails");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Volume tmp = pod.getVolumes().stream().filter(volume -> volume.getEmptyDir() != null).findFirst().orElseThrow();
        for (Container container : pod.getContainers()) {
            SecurityContext security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getImage()).contains("lambda-guardrails");
            assertThat(mount(container, "/tmp").getName()).isEqualTo(tmp.getName());
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"))
                    .containsEntry("cpu", new Quantity("1"));
            assertThat(variablesIn(container.getArgs())).allSatisfy(variable -> assertThat(
                    injectedVariables.contains(variable) || environment(container, objects).containsKey(variable))
                    .as("$(%s) is defined for %s", variable, container.getName()).isTrue());
            if (container.getArgs().contains("--config")) {
                assertThat(option(container.getArgs(), "--config")).isEqualTo(CONFIG_PATH);
                VolumeMount config = mount(container, "/etc/lambda-guardrails");
                assertThat(config.getReadOnly()).isTrue();
                String configMapName = volume(pod, config.getName()).getConfigMap().getName();
                assertThat(configMap(objects, configMapName).getData()).containsKey("guardrails.yaml");
            }
            if (container.getArgs().contains("--account-timeout")) {
                assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                        .as("grace period outlasts the account deadline")
                        .isGreaterThan(duration(option(container.getArgs(), "--account-timeout")));
            }
        }
    }

    /**
     * The container's arguments, with their variables as the pod sees them (pod 0 of an Indexed Job), are a command
     * line the CLI accepts: every option exists and every value converts.
     */
    private static void assertTheCommandLineAccepts(Container container, List<HasMetadata> objects) {
        Map<String, String> environment = new HashMap<>(environment(container, objects));
        environment.put("JOB_COMPLETION_INDEX", "0");
        String[] args = container.getArgs().stream()
                .map(arg -> VARIABLE.matcher(arg).replaceAll(match -> Matcher.quoteReplacement(environment.get(match.group(1)))))
                .toArray(String[]::new);
        CommandLine cli = new CommandLine(new LambdaGuardrailsCommand()).setCaseInsensitiveEnumValuesAllowed(true);

        assertThatCode(() -> cli.parseArgs(args)).as("%s %s", container.getName(), String.join(" ", args))
                .doesNotThrowAnyException();
    }

    private static Map<String, String> environment(Container container, List<HasMetadata> objects) {
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            environment.putAll(configMap(objects, source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), variable.getValue());
        }
        return environment;
    }

    private static String resolved(Container container, List<HasMetadata> objects, String value) {
        Map<String, String> environment = environment(container, objects);
        return VARIABLE.matcher(value).replaceAll(match -> Matcher.quoteReplacement(environment.get(match.group(1))));
    }

    private static Set<String> variablesIn(List<String> args) {
        Set<String> variables = new HashSet<>();
        args.forEach(arg -> VARIABLE.matcher(arg).results().forEach(match -> variables.add(match.group(1))));
        return variables;
    }

    private static String option(List<String> args, String name) {
        int index = args.indexOf(name);
        assertThat(index).as("option %s in %s", name, args).isNotNegative();
        return args.get(index + 1);
    }

    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        assertThat(matcher.matches()).as("duration %s", text).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no mount at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst().orElseThrow();
    }

    /** A ConfigMap by the name a pod refers to, which kustomize suffixes with a content hash. */
    private static ConfigMap configMap(List<HasMetadata> objects, String name) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().equals(name)
                        || map.getMetadata().getName().matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static Job job(List<HasMetadata> objects, String name) {
        return objects.stream().filter(Job.class::isInstance).map(Job.class::cast)
                .filter(job -> job.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Job " + name));
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s objects", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static Class<?> componentType(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .map(RecordComponent::getType)
                .findFirst()
                .orElseThrow(() -> new AssertionError("unknown setting " + name + " in " + record.getSimpleName()));
    }
}
