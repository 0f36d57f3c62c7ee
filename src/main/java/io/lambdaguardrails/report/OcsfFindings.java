package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code findings.ocsf.json}: the run's findings as OCSF {@value #OCSF_VERSION} Detection Finding events (class 2004),
 * a JSON array. A NEW finding is a Create, an EXISTING one an Update and a finding resolved since the baseline a Close;
 * waived findings have the status Suppressed. The account, region, OU and owner of the resource travel in its
 * {@code data}, since the base schema (no profiles) has no cloud fields on a resource.
 */
public final class OcsfFindings {

    public static final String OCSF_VERSION = "1.9.0";
    static final int CLASS_UID = 2004;
    private static final int CATEGORY_UID = 2;
    private static final int ACTIVITY_CREATE = 1;
    private static final int ACTIVITY_UPDATE = 2;
    private static final int ACTIVITY_CLOSE = 3;
    private static final int STATUS_NEW = 1;
    private static final int STATUS_SUPPRESSED = 3;
    private static final int STATUS_RESOLVED = 4;
    private static final int ANALYTIC_RULE = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OcsfFindings() {
    }

    /** Streams the file to {@code out}, leaving it open. */
    public static void write(ScanResult result, OutputStream out) throws IOException {
        Json.writeArray(events(result), out);
    }

    public static Stream<ObjectNode> events(ScanResult result) {
        Map<String, RuleMeta> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
        Instant time = result.finishedAt() != null ? result.finishedAt() : result.startedAt();
        return Stream.concat(result.findings().stream().map(f -> open(f, rules.get(f.ruleId()), time, result)),
                result.resolved().stream().map(r -> resolved(r, rules.get(r.ruleId()), time, result)));
    }

    private static ObjectNode open(Finding f, RuleMeta rule, Instant time, ScanResult result) {
        int activity = f.baseline() == Baseline.EXISTING ? ACTIVITY_UPDATE : ACTIVITY_CREATE;
        int status = f.status() == FindingStatus.SUPPRESSED ? STATUS_SUPPRESSED : STATUS_NEW;
        ObjectNode event = event(activity, status, f.severity(), time, result);
        event.put("message", f.title());
        findingInfo(event, f.findingId(), f.title(), f.detail(), f.family().label(), f.ruleId(),
                f.firstSeen(), time);
        ArrayNode resources = event.putArray("resources");
        ObjectNode resource = resource(resources, f.resourceArn(), f.resourceName(), f.resourceType());
        ObjectNode data = resource.putObject("data").put("account_id", f.accountId()).put("region", f.region());
        putIfPresent(data, "account_name", f.accountName());
        putIfPresent(data, "ou_path", f.ouPath());
        putIfPresent(data, "owner", f.owner());
        f.related().forEach(r -> resources.addObject().put("uid", r));
        remediation(event, f.remediation(), rule);
        if (f.suppression() != null) {
            event.put("status_detail", "waived by " + f.suppression().waiverId() + " until " + f.suppression().expires());
        }
        return event;
    }

    private static ObjectNode resolved(ResolvedFinding r, RuleMeta rule, Instant time, ScanResult result) {
        ObjectNode event = event(ACTIVITY_CLOSE, STATUS_RESOLVED,
                rule != null ? rule.defaultSeverity() : Severity.INFO, time, result);
        String title = rule != null ? rule.title() : r.ruleId();
        event.put("message", "Resolved: " + title);
        findingInfo(event, r.findingId(), title, r.detail(), rule != null ? rule.family().label() : null, r.ruleId(),
                r.firstSeen(), time);
        ObjectNode resource = resource(event.putArray("resources"), r.resourceArn(), r.resourceName(), null);
        resource.putObject("data").put("account_id", r.accountId()).put("region", r.region());
        remediation(event, null, rule);
        return event;
    }

    private static ObjectNode event(int activity, int status, Severity severity, Instant time, ScanResult result) {
        ObjectNode event = NODES.objectNode();
        event.put("class_uid", CLASS_UID).put("class_name", "Detection Finding");
        event.put("category_uid", CATEGORY_UID).put("category_name", "Findings");
        event.put("activity_id", activity).put("activity_name", activityName(activity));
        event.put("type_uid", CLASS_UID * 100 + activity)
                .put("type_name", "Detection Finding: " + activityName(activity));
        event.put("severity_id", severityId(severity)).put("severity", severityName(severity));
        event.put("status_id", status).put("status", statusName(status));
        event.put("time", time.toEpochMilli());
        ObjectNode metadata = event.putObject("metadata").put("version", OCSF_VERSION);
        putIfPresent(metadata, "correlation_uid", result.runId());
        ObjectNode product = metadata.putObject("product").put("name", "lambda-guardrails")
                .put("vendor_name", "lambda-guardrails");
        if (result.tool() != null) {
            putIfPresent(product, "version", result.tool().version());
        }
        return event;
    }

    private static ObjectNode findingInfo(ObjectNode event, String uid, String title, String detail, String family,
                                          String ruleId, LocalDate firstSeen, Instant time) {
        ObjectNode info = event.putObject("finding_info").put("uid", uid).put("title", title);
        putIfPresent(info, "desc", detail);
        if (family != null) {
            info.putArray("types").add(family);
        }
        info.putObject("analytic").put("uid", ruleId).put("name", title).put("type_id", ANALYTIC_RULE)
                .put("type", "Rule");
        if (firstSeen != null) {
            info.put("first_seen_time", firstSeen.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }
        info.put("last_seen_time", time.toEpochMilli());
        return info;
    }

    private static ObjectNode resource(ArrayNode resources, String arn, String name, String type) {
        ObjectNode resource = resources.addObject().put("uid", arn);
        putIfPresent(resource, "name", name);
        putIfPresent(resource, "type", type);
        return resource;
    }

    private static void remediation(ObjectNode event, String text, RuleMeta rule) {
        String desc = text != null && !text.isBlank() ? text : rule != null ? rule.remediation() : null;
        if (desc == null || desc.isBlank()) {
            return;
        }
        ObjectNode remediation = event.putObject("remediation").put("desc", desc);
        List<String> references = rule == null ? List.of()
                : rule.references().stream().filter(u -> u.startsWith("https://")).toList();
        if (!references.isEmpty()) {
            ArrayNode refs = remediation.putArray("references");
            references.forEach(refs::add);
        }
    }

    private static String activityName(int activity) {
        return switch (activity) {
            case ACTIVITY_CREATE -> "Create";
            case ACTIVITY_UPDATE -> "Update";
            default -> "Close";
        };
    }

    private static String statusName(int status) {
        return switch (status) {
            case STATUS_NEW -> "New";
            case STATUS_SUPPRESSED -> "Suppressed";
            default -> "Resolved";
        };
    }

    /** OCSF severity ids: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
    static int severityId(Severity severity) {
        return severity.ordinal() + 1;
    }

    private static String severityName(Severity severity) {
        return severity == Severity.INFO ? "Informational"
                : severity.name().charAt(0) + severity.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }
}
