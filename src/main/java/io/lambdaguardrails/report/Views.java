package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskPaths;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Splits a result into one smaller result per owner, account or OU ({@code --split-by}), for a team's own page. Each
 * finding and risk path is in exactly one view: its owner's ({@value OwnerRollup#UNOWNED} without one), its
 * account's, or its account's OU's (that OU only, not the OUs below it). A view keeps the accounts it touches (their
 * open findings counted again from the view's findings), their coverage and gaps, and the rules of its findings.
 * Resolved findings and paths name no owner, so owner views list none; account and OU views list their accounts'.
 */
public final class Views {

    private static final String FOLDER = "views";

    /** One view: whose it is, the folder it is written to ({@code views/<kind>/<name>}), and what it holds. */
    public record View(SplitBy kind, String value, String folder, ScanResult result) {
    }

    private Views() {
    }

    /** In order of value. */
    public static List<View> of(ScanResult result, SplitBy kind) {
        Map<String, String> ouOfAccount = result.accounts().stream().collect(Collectors.toMap(
                AccountSummary::accountId, a -> Objects.requireNonNullElse(a.ouPath(), ""), (a, b) -> a));
        Set<String> values = new TreeSet<>();
        result.findings().forEach(f -> values.add(valueOf(kind, f)));
        result.riskPaths().forEach(p -> values.add(valueOf(kind, p)));
        if (kind != SplitBy.OWNER) {
            // An account or OU without findings still gets its (clean) page.
            result.accounts().forEach(a -> values.add(kind == SplitBy.ACCOUNT ? a.accountId() : ouOfAccount.get(a.accountId())));
        }
        return ViewNames.of(values).entrySet().stream().map(e -> new View(kind, e.getKey(),
                FOLDER + "/" + kind.folder() + "/" + e.getValue(), filter(result, kind, e.getKey(), ouOfAccount))).toList();
    }

    private static String valueOf(SplitBy kind, Finding f) {
        return switch (kind) {
            case OWNER -> OwnerRollup.ownerOf(f.owner());
            case ACCOUNT -> f.accountId();
            case OU -> Objects.requireNonNullElse(f.ouPath(), "");
        };
    }

    private static String valueOf(SplitBy kind, RiskPath p) {
        return switch (kind) {
            case OWNER -> OwnerRollup.ownerOf(p.owner());
            case ACCOUNT -> p.accountId();
            case OU -> Objects.requireNonNullElse(p.ouPath(), "");
        };
    }

    private static ScanResult filter(ScanResult result, SplitBy kind, String value, Map<String, String> ouOfAccount) {
        List<Finding> findings = result.findings().stream().filter(f -> valueOf(kind, f).equals(value)).toList();
        List<RiskPath> paths = result.riskPaths().stream().filter(p -> valueOf(kind, p).equals(value)).toList();
        Set<String> accounts = new HashSet<>();
        findings.forEach(f -> accounts.add(f.accountId()));
        paths.forEach(p -> accounts.add(p.accountId()));
        if (kind != SplitBy.OWNER) {
            result.accounts().stream().map(AccountSummary::accountId)
                    .filter(id -> (kind == SplitBy.ACCOUNT ? id : ouOfAccount.get(id)).equals(value))
                    .forEach(accounts::add);
        }
        Predicate<String> inView = accounts::contains;
        boolean byAccount = kind != SplitBy.OWNER;
        Set<String> functions = findings.stream().map(Finding::resourceArn).filter(Objects::nonNull)
                .flatMap(arn -> RiskPaths.functionArn(arn).stream()).collect(Collectors.toSet());
        Set<String> ruleIds = findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
        return new ScanResult(result.schemaVersion(), result.runId(), result.startedAt(), result.finishedAt(),
                result.tool(), result.principal(), result.request(),
                result.accounts().stream().filter(a -> inView.test(a.accountId())).map(a -> recount(a, findings)).toList(),
                result.coverage().stream().filter(c -> inView.test(c.accountId())).toList(),
                result.notEvaluated().stream().filter(n -> inView.test(n.accountId())).toList(),
                findings,
                byAccount ? result.resolved().stream().filter(r -> inView.test(r.accountId())).toList() : List.of(),
                result.rules().stream().filter(r -> ruleIds.contains(r.id())).toList(),
                result.expiredWaivers(), result.baselineRunId(), paths,
                byAccount ? result.resolvedRiskPaths().stream().filter(r -> inView.test(r.accountId())).toList() : List.of(),
                result.effectiveAccess().stream().filter(a -> byAccount ? inView.test(a.accountId())
                        : functions.contains(a.functionArn())).toList());
    }

    /** The account's open findings among the view's. */
    private static AccountSummary recount(AccountSummary a, List<Finding> findings) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        findings.stream().filter(f -> f.open() && f.accountId().equals(a.accountId()))
                .forEach(f -> open.merge(f.severity(), 1, Integer::sum));
        return new AccountSummary(a.accountId(), a.accountName(), a.ouPath(), a.coverage(), a.regions(), a.functions(),
                open, a.startedAt(), a.finishedAt());
    }
}
