package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Analyzer;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRecorder;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRule;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.config.model.RecordingStrategyType;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Audit posture of one (account, region): Config recorders and rules, and Access Analyzer analyzers. A list stays
 * null when it could not be read.
 */
public final class AuditCollector {

    static final String NAME = "audit";

    private final ConfigClient config;
    private final AccessAnalyzerClient analyzer;
    private final ApiCaller calls;

    public AuditCollector(ConfigClient config, AccessAnalyzerClient analyzer, ApiCaller calls) {
        this.config = config;
        this.analyzer = analyzer;
        this.calls = calls;
    }

    public AuditPosture collect() {
        return new AuditPosture(recorders(), configRules(), analyzers());
    }

    /** The analyzers alone: for a region where the account has no function but may own an organisation analyzer. */
    public AuditPosture analyzersOnly() {
        var analyzers = analyzers();
        return new AuditPosture(List.of(), List.of(), analyzers == null ? List.of() : analyzers,
                analyzers == null ? EnumSet.allOf(AuditPosture.Part.class)
                        : EnumSet.of(AuditPosture.Part.RECORDERS, AuditPosture.Part.CONFIG_RULES));
    }

    private List<ConfigRecorder> recorders() {
        var recorders = calls.call(NAME, "config:DescribeConfigurationRecorders",
                () -> config.describeConfigurationRecorders().configurationRecorders());
        if (!recorders.succeeded()) {
            return null;
        }
        var statuses = calls.call(NAME, "config:DescribeConfigurationRecorderStatus",
                () -> config.describeConfigurationRecorderStatus().configurationRecordersStatus());
        Map<String, ConfigurationRecorderStatus> byName = statuses.succeeded()
                ? statuses.value().stream().collect(Collectors.toMap(ConfigurationRecorderStatus::name, Function.identity(), (a, b) -> a))
                : Map.of();
        return recorders.value().stream().map(r -> {
            var status = byName.get(r.name());
            return new ConfigRecorder(r.name(), recordsLambda(r), status != null && Boolean.TRUE.equals(status.recording()),
                    status == null ? null : ConfigRecorder.LastStatus.of(status.lastStatusAsString()));
        }).toList();
    }

    /** allSupported, an inclusion list naming Lambda, or an exclusion list that does not exclude it. */
    static boolean recordsLambda(ConfigurationRecorder recorder) {
        RecordingGroup g = recorder.recordingGroup();
        if (g == null) {
            return false;
        }
        if (Boolean.TRUE.equals(g.allSupported())) {
            return true;
        }
        if (g.hasResourceTypes() && g.resourceTypesAsStrings().contains(TrailCollector.LAMBDA_FUNCTION)) {
            return true;
        }
        return g.recordingStrategy() != null && g.recordingStrategy().useOnly() == RecordingStrategyType.EXCLUSION_BY_RESOURCE_TYPES
                && (g.exclusionByResourceTypes() == null
                || !g.exclusionByResourceTypes().resourceTypesAsStrings().contains(TrailCollector.LAMBDA_FUNCTION));
    }

    private List<ConfigRule> configRules() {
        var rules = calls.call(NAME, "config:DescribeConfigRules",
                () -> config.describeConfigRulesPaginator().configRules().stream().toList());
        if (!rules.succeeded()) {
            return null;
        }
        return rules.value().stream().map(r -> new ConfigRule(r.configRuleName(),
                r.source() == null ? null : r.source().sourceIdentifier(), ConfigRule.State.of(r.configRuleStateAsString()))).toList();
    }

    private List<Analyzer> analyzers() {
        var listed = calls.call(NAME, "access-analyzer:ListAnalyzers",
                () -> analyzer.listAnalyzersPaginator(r -> { }).analyzers().stream().toList());
        if (!listed.succeeded()) {
            return null;
        }
        return listed.value().stream().map(a -> new Analyzer(a.arn(), a.name(),
                Analyzer.Type.of(a.typeAsString()), Analyzer.Status.of(a.statusAsString()))).toList();
    }
}
