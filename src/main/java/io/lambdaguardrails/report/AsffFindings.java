package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.rules.RuleMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code findings.asff.json}: the run's findings in the AWS Security Finding Format (ASFF, {@value #SCHEMA_VERSION}),
 * a JSON array of {@code AwsSecurityFinding} objects as {@code BatchImportFindings} takes them. Open findings are
 * ACTIVE with workflow NEW, waived ones SUPPRESSED, and the findings resolved since the baseline ARCHIVED and RESOLVED,
 * so that Security Hub's view matches the report. The product is the default product of the account the scan ran as,
 * and that account is every finding's {@code AwsAccountId}: with a default product, Security Hub accepts only findings
 * of the importing account. The member account a finding is about stays in its {@code Resources} (the resource ARNs
 * and {@code AWS::::Account:ID}) and in {@code ProductFields} ({@code lambda-guardrails/AccountId} and
 * {@code lambda-guardrails/AccountName}); its {@code Id} is the finding id, unique per member account and resource.
 */
public final class AsffFindings {

    public static final String SCHEMA_VERSION = "2018-10-08";
    public static final String TYPE_PREFIX = "Software and Configuration Checks/AWS Security Best Practices/";
    private static final String PRODUCT_NAME = "lambda-guardrails";
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:[a-z-]+:[a-z]+::(\\d{12}):.*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsffFindings() {
    }

    /**
     * Where the findings go: the default product of {@code accountId} in {@code region}, {@code accountId} being the
     * account that imports them and so every finding's {@code AwsAccountId}. Findings about global resources (IAM,
     * the organisation) are placed in that region too, since ASFF requires a real one.
     */
    public record Product(String partition, String region, String accountId) {

        public String arn() {
            return "arn:" + partition + ":securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default";
        }

        /**
         * The default product of the account the scan ran as, in {@code region}; without a principal (a result
         * rendered offline), of the first account scanned.
         */
        public static Product of(ScanResult result, String region) {
            String principal = result.principal() == null ? "" : result.principal();
            var account = ACCOUNT_IN_ARN.matcher(principal);
            String accountId = account.matches() ? account.group(1)
                    : result.accounts().stream().map(AccountSummary::accountId).findFirst().orElse("000000000000");
            return new Product(FindingResource.partition(principal), region, accountId);
        }

        /** For the report file: the first region the run asked for, else us-east-1 ({@code --security-hub} re-targets). */
        public static Product forFile(ScanResult result) {
            String region = result.request() == null ? null : result.request().regions().stream()
                    .filter(r -> REGION.matcher(r).matches()).findFirst().orElse(null);
            return of(result, region != null ? region : "us-east-1");
        }
    }

    /** Streams the file to {@code out}, leaving it open. */
    public static void write(ScanResult result, OutputStream out) throws IOException {
        Json.writeArray(findings(result, Product.forFile(result)), out);
    }

    /** Every finding of the run, then every resolved one, as ASFF objects. */
    public static Stream<ObjectNode> findings(ScanResult result, Product product) {
        Map<String, RuleMeta> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
        Map<String, String> accountNames = result.accounts().stream().filter(a -> a.accountName() != null)
                .collect(Collectors.toMap(AccountSummary::accountId, AccountSummary::accountName, (a, b) -> a));
        Instant observed = result.finishedAt() != null ? result.finishedAt() : result.startedAt();
        return Stream.concat(
                result.findings().stream().map(f -> open(f, rules.get(f.ruleId()), product, observed, result.runId())),
                result.resolved().stream().map(r -> resolved(r, rules.get(r.ruleId()), product, observed, result.runId(),
                        accountNames.get(r.accountId()))));
    }

    private static ObjectNode open(Finding f, RuleMeta rule, Product product, Instant observed, String runId) {
        ObjectNode asff = common(f.findingId(), f.ruleId(), f.region(), product, f.firstSeen(), observed);
        severity(asff, f.severity());
        types(asff, f.family().label());
        asff.put("Title", clip(f.title(), 256));
        asff.put("Description", clip(nonEmpty(f.detail(), f.title()), 1024));
        remediation(asff, f.remediation(), rule);
        ObjectNode fields = productFields(asff, f.ruleId(), runId, f.accountId(), f.accountName());
        fields.put("lambda-guardrails/Family", f.family().name());
        putIfPresent(fields, "lambda-guardrails/OuPath", f.ouPath());
        putIfPresent(fields, "lambda-guardrails/Owner", f.owner());
        if (f.baseline() != null) {
            fields.put("lambda-guardrails/Baseline", f.baseline().name());
        }
        if (f.suppression() != null) {
            putIfPresent(fields, "lambda-guardrails/WaiverId", f.suppression().waiverId());
            putIfPresent(fields, "lambda-guardrails/WaiverOwner", f.suppression().owner());
            putIfPresent(fields, "lambda-guardrails/WaiverReason", f.suppression().reason());
        }
        asff.set("Resources", resources(f.resourceArn(), f.resourceName(), f.related(), f.accountId(),
                asff.get("Region").asText()));
        compliance(asff, "FAILED", rule);
        asff.putObject("Workflow").put("Status", f.status() == FindingStatus.SUPPRESSED ? "SUPPRESSED" : "NEW");
        asff.put("RecordState", "ACTIVE");
        return asff;
    }

    private static ObjectNode resolved(ResolvedFinding r, RuleMeta rule, Product product, Instant observed,
                                       String runId, String accountName) {
        ObjectNode asff = common(r.findingId(), r.ruleId(), r.region(), product, r.firstSeen(), observed);
        Severity severity = rule != null ? rule.defaultSeverity() : Severity.INFO;
        severity(asff, severity);
        types(asff, rule != null ? rule.family().label() : "Lambda governance");
        String title = rule != null ? rule.title() : r.ruleId();
        asff.put("Title", clip(title, 256));
        asff.put("Description", clip("Resolved: " + nonEmpty(r.detail(), title), 1024));
        remediation(asff, rule != null ? rule.remediation() : null, rule);
        productFields(asff, r.ruleId(), runId, r.accountId(), accountName);
        asff.set("Resources", resources(r.resourceArn(), r.resourceName(), List.of(), r.accountId(),
                asff.get("Region").asText()));
        compliance(asff, "PASSED", rule);
        asff.putObject("Workflow").put("Status", "RESOLVED");
        asff.put("RecordState", "ARCHIVED");
        return asff;
    }

    private static ObjectNode common(String findingId, String ruleId, String region, Product product,
                                     LocalDate firstSeen, Instant observed) {
        ObjectNode asff = NODES.objectNode();
        asff.put("SchemaVersion", SCHEMA_VERSION);
        asff.put("Id", findingId);
        asff.put("ProductArn", product.arn());
        asff.put("ProductName", PRODUCT_NAME);
        asff.put("GeneratorId", ruleId);
        asff.put("AwsAccountId", product.accountId());
        asff.put("Region", region == null || Coverage.GLOBAL.equals(region) ? product.region() : region);
        String first = firstSeen != null ? firstSeen.atStartOfDay(ZoneOffset.UTC).toInstant().toString()
                : observed.toString();
        asff.put("FirstObservedAt", first);
        asff.put("LastObservedAt", observed.toString());
        asff.put("CreatedAt", first);
        asff.put("UpdatedAt", observed.toString());
        return asff;
    }

    /** Severity and types are set by the provider through FindingProviderFields too, which Security Hub prefers. */
    private static void severity(ObjectNode asff, Severity severity) {
        String label = severity == Severity.INFO ? "INFORMATIONAL" : severity.name();
        asff.putObject("Severity").put("Label", label).put("Original", severity.name());
        provider(asff).putObject("Severity").put("Label", label).put("Original", severity.name());
    }

    private static void types(ObjectNode asff, String family) {
        String type = TYPE_PREFIX + family;
        asff.putArray("Types").add(type);
        provider(asff).putArray("Types").add(type);
    }

    private static ObjectNode provider(ObjectNode asff) {
        return asff.has("FindingProviderFields") ? (ObjectNode) asff.get("FindingProviderFields")
                : asff.putObject("FindingProviderFields");
    }

    private static void remediation(ObjectNode asff, String text, RuleMeta rule) {
        String recommendation = nonEmpty(text, rule != null ? rule.remediation() : null);
        Optional<String> url = rule == null ? Optional.empty()
                : rule.references().stream().filter(u -> u.startsWith("https://")).findFirst();
        if (recommendation == null && url.isEmpty()) {
            return;
        }
        ObjectNode node = asff.putObject("Remediation").putObject("Recommendation");
        if (recommendation != null) {
            node.put("Text", clip(recommendation, 512));
        }
        url.ifPresent(u -> node.put("Url", u));
    }

    /** At most 11 of the 50 entries ASFF allows (Security Hub adds a few of its own). */
    private static ObjectNode productFields(ObjectNode asff, String ruleId, String runId, String accountId,
                                            String accountName) {
        ObjectNode fields = asff.putObject("ProductFields");
        fields.put("lambda-guardrails/RuleId", ruleId);
        putIfPresent(fields, "lambda-guardrails/RunId", runId);
        putIfPresent(fields, "lambda-guardrails/AccountId", accountId);
        putIfPresent(fields, "lambda-guardrails/AccountName", accountName);
        return fields;
    }

    private static void compliance(ObjectNode asff, String status, RuleMeta rule) {
        ObjectNode compliance = asff.putObject("Compliance").put("Status", status);
        if (rule != null && !rule.standards().isEmpty()) {
            ArrayNode requirements = compliance.putArray("RelatedRequirements");
            rule.standards().stream().limit(32).forEach(requirements::add);
        }
    }

    /**
     * The resource at fault, the execution roles it names, and its account — at most 32, as ASFF allows. An account
     * resource uses Security Hub's {@code AWS::::Account:ID} form.
     */
    private static ArrayNode resources(String arn, String name, List<String> related, String accountId, String region) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(FindingResource.of(arn) == FindingResource.ACCOUNT ? accountResource(accountId) : arn);
        related.stream().filter(r -> FindingResource.of(r) == FindingResource.IAM_ROLE).forEach(ids::add);
        ids.add(accountResource(accountId));
        ArrayNode resources = NODES.arrayNode();
        boolean first = true;
        for (String id : ids.stream().limit(32).toList()) {
            FindingResource kind = id.startsWith("AWS::::Account:") ? FindingResource.ACCOUNT : FindingResource.of(id);
            ObjectNode resource = resources.addObject().put("Type", kind.asffType()).put("Id", id)
                    .put("Partition", FindingResource.partition(arn)).put("Region", region);
            if (first && name != null && !name.isBlank()) {
                kind.details().ifPresent(d -> resource.putObject("Details").putObject(d.key()).put(d.nameField(), name));
            }
            first = false;
        }
        return resources;
    }

    private static String accountResource(String accountId) {
        return "AWS::::Account:" + accountId;
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, clip(value, 2048));
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    /** ASFF limits text fields; a clipped value ends with an ellipsis so a reader knows there is more in the report. */
    static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
