package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.Snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the enabled rules over a snapshot and turns their violations into findings: deterministic order,
 * stable ids, account names, OU paths and owners filled in.
 */
public final class RuleEngine {

    private final List<Rule> rules;
    private final Settings settings;

    public RuleEngine(List<Rule> rules, Settings settings) {
        this.rules = List.copyOf(rules);
        this.settings = settings;
    }

    public List<Finding> evaluate(Snapshot snapshot, LocalDate today) {
        var context = RuleContext.of(snapshot, settings, today);
        Map<String, OrgAccount> accounts = snapshot.org().accounts().stream()
                .collect(Collectors.toMap(OrgAccount::id, Function.identity(), (a, b) -> a));
        var owners = new OwnerIndex(snapshot, settings.tags().ownerKey());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleMeta meta = rule.meta();
            for (Violation v : rule.evaluate(context)) {
                Optional<OrgAccount> account = Optional.ofNullable(accounts.get(v.accountId()));
                findings.add(new Finding(
                        findingId(meta.id(), v),
                        meta.id(), meta.title(), meta.family(),
                        v.severity() != null ? v.severity() : meta.defaultSeverity(),
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
        return List.copyOf(findings);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::accountId)
            .thenComparing(Finding::region)
            .thenComparing(Finding::resourceArn)
            .thenComparing(Finding::findingId);

    /** A short, stable hash of what identifies the violation; never of the detail text, which may be reworded. */
    static String findingId(String ruleId, Violation v) {
        String key = String.join("|", ruleId, v.accountId(), v.region(), v.resourceArn(), v.discriminator());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ruleId + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
