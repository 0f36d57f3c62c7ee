package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.support.FunctionAccess;
import org.apache.commons.codec.digest.DigestUtils;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the selected rules over a snapshot and turns their violations into findings: deterministic order, stable ids,
 * account names, OU paths and owners filled in, the user's severity overrides applied, and waivers turning matching
 * findings into SUPPRESSED (kept, with the waiver's reason). Expired waivers no longer apply and are reported; the
 * scopes a rule could not judge are passed on as they are.
 */
public final class RuleEngine {

    private final List<Rule> rules;
    private final Settings settings;
    private final Map<String, Severity> severities;
    private final List<Waiver> waivers;

    public RuleEngine(List<Rule> rules, Settings settings) {
        this(rules, settings, Map.of(), List.of());
    }

    /**
     * @param severities severity per rule id that replaces whatever the rule reports (graded severities included)
     * @param waivers    in the user's order: the first one that matches a finding suppresses it
     */
    public RuleEngine(List<Rule> rules, Settings settings, Map<String, Severity> severities, List<Waiver> waivers) {
        this.rules = List.copyOf(rules);
        this.settings = settings;
        this.severities = Map.copyOf(severities);
        this.waivers = List.copyOf(waivers);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> evaluate(Snapshot snapshot, LocalDate today) {
        return evaluateAll(snapshot, today).findings();
    }

    public Evaluation evaluateAll(Snapshot snapshot, LocalDate today) {
        var context = RuleContext.of(snapshot, settings, today);
        Map<String, OrgAccount> accounts = snapshot.org().accounts().stream()
                .collect(Collectors.toMap(OrgAccount::id, Function.identity(), (a, b) -> a));
        var owners = new OwnerIndex(snapshot, settings.tags().ownerKey());
        List<Finding> findings = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        for (Rule rule : rules) {
            notEvaluated.addAll(rule.notEvaluated(context));
            RuleMeta meta = rule.meta();
            for (Violation v : rule.evaluate(context)) {
                Optional<OrgAccount> account = Optional.ofNullable(accounts.get(v.accountId()));
                findings.add(new Finding(
                        findingId(meta.id(), v),
                        meta.id(), meta.title(), meta.family(),
                        severities.getOrDefault(meta.id(), v.severity() != null ? v.severity() : meta.defaultSeverity()),
                        FindingStatus.FAIL,
                        v.accountId(),
                        account.map(OrgAccount::name).orElse(v.accountId()),
                        account.map(OrgAccount::ouPath).orElse(""),
                        owners.ownerOf(v.accountId(), v.resourceArn()),
                        v.region(), v.resourceType(), v.resourceArn(), v.resourceName(), v.related(), v.detail(),
                        meta.remediation(), today, null, null));
            }
        }
        findings.sort(ORDER);
        return applyWaivers(findings, notEvaluated, new TagIndex(snapshot), today, FunctionAccess.of(context));
    }

    private Evaluation applyWaivers(List<Finding> findings, List<NotEvaluated> notEvaluated, TagIndex tags,
                                    LocalDate today, List<FunctionAccess> effectiveAccess) {
        List<Waiver> active = waivers.stream().filter(w -> !w.expiredOn(today)).toList();
        List<Finding> result = findings.stream()
                .map(f -> active.stream()
                        .filter(w -> w.match().matches(f, tags.tagsOf(f.accountId(), f.resourceArn())))
                        .findFirst()
                        .map(w -> f.suppressedBy(w.suppression()))
                        .orElse(f))
                .toList();
        List<ExpiredWaiver> expired = waivers.stream()
                .filter(w -> w.expiredOn(today))
                .map(w -> new ExpiredWaiver(w.id(), w.reason(), w.owner(), w.expires(), (int) result.stream()
                        .filter(Finding::open)
                        .filter(f -> w.match().matches(f, tags.tagsOf(f.accountId(), f.resourceArn())))
                        .count()))
                .toList();
        return new Evaluation(result, expired, notEvaluated, effectiveAccess);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::accountId)
            .thenComparing(Finding::region)
            .thenComparing(Finding::resourceArn)
            .thenComparing(Finding::findingId);

    /**
     * A short, stable hash of what identifies the violation; never of the detail text, which may be reworded. The
     * trailing separator keeps the ids that earlier releases published.
     */
    static String findingId(String ruleId, Violation v) {
        String key = String.join("|", ruleId, v.accountId(), v.region(), v.resourceArn(), "");
        return ruleId + "-" + DigestUtils.sha256Hex(key).substring(0, 16);
    }
}
