package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.risk.RiskTier;
import io.lambdaguardrails.rules.RuleMeta;
import io.quarkus.qute.RawString;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the HTML template shows, computed from a {@link ScanResult} so the template only lays it out: first the risk
 * paths to fix first, then the roll-ups, the totals and the findings grouped by rule. Every string in here is data;
 * the template engine escapes it. {@code findings} are every finding row, worst first, for templates that lay them out
 * themselves (the bundled one renders them from {@link #findingData} in the browser). The one pre-encoded value, {@link #findingData} ({@link FindingData}), is JSON whose
 * {@code < > &} are already {@code \u003c}-escaped for its {@code <script type="application/json">} element.
 */
public record ReportView(
        Header header,
        int fullyEvaluated,
        int accountTotal,
        int openTotal,
        int suppressedTotal,
        List<SeverityTotal> severityTotals,
        List<FamilyTotal> familyTotals,
        DriftSummary drift,
        FixFirst fixFirst,
        List<OwnerRow> owners,
        List<OuRow> ous,
        List<AccountRow> accounts,
        List<FindingRow> findings,
        List<RuleGroup> ruleGroups,
        List<Coverage> coverageGaps,
        List<ScanResult.NotEvaluated> notEvaluated,
        List<ExpiredWaiver> expiredWaivers,
        List<RuleView> rules,
        Filters filters,
        RawString findingData) {

    /** Severities from the worst down, the order every table uses. */
    static final List<Severity> WORST_FIRST = Stream.of(Severity.values())
            .sorted(Comparator.reverseOrder()).toList();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static ReportView of(ScanResult result) {
        List<Finding> findings = result.findings();
        Rollups rollups = result.rollups();
        Map<String, String> accountNames = accountNames(result);
        List<FindingRow> rows = findingRows(findings);
        return new ReportView(
                header(result),
                (int) ScanResults.fullyEvaluated(result),
                result.accounts().size(),
                (int) findings.stream().filter(Finding::open).count(),
                (int) findings.stream().filter(f -> !f.open()).count(),
                WORST_FIRST.stream().map(s -> SeverityTotal.of(s, findings)).toList(),
                Stream.of(Family.values()).map(f -> FamilyTotal.of(f, findings)).toList(),
                DriftSummary.of(result, rows),
                FixFirst.of(result),
                rollups.owners().stream().map(OwnerRow::of).toList(),
                rollups.ous().stream().map(OuRow::of).toList(),
                accountRows(result),
                rows,
                RuleGroup.of(rows, rollups.rules()),
                result.coverage().stream().filter(c -> c.status() != CoverageStatus.OK)
                        .sorted(Comparator.comparing((Coverage c) -> !c.status().incomplete())
                                .thenComparing(Coverage::accountId).thenComparing(Coverage::region))
                        .toList(),
                result.notEvaluated(),
                result.expiredWaivers(),
                ruleViews(result),
                new Filters(WORST_FIRST, List.of(Family.values()), accountOptions(findings, accountNames),
                        List.of(FindingStatus.values()), List.of(Baseline.values()), ruleOptions(findings),
                        distinct(findings, Finding::region), distinct(findings, Finding::owner)),
                new RawString(FindingData.of(rows)));
    }

    public record Header(String runId, String startedAt, String finishedAt, String duration, String tool,
                         String principal, int accounts, String regions, String role) {
    }

    public record SeverityTotal(Severity severity, String cssClass, int open, int suppressed, int newOpen) {
        static SeverityTotal of(Severity severity, List<Finding> findings) {
            var mine = findings.stream().filter(f -> f.severity() == severity).toList();
            return new SeverityTotal(severity, ReportView.cssClass(severity),
                    (int) mine.stream().filter(Finding::open).count(),
                    (int) mine.stream().filter(f -> !f.open()).count(),
                    (int) mine.stream().filter(f -> f.open() && f.baseline() == Baseline.NEW).count());
        }
    }

    public record FamilyTotal(Family family, String label, int open, int suppressed) {
        static FamilyTotal of(Family family, List<Finding> findings) {
            var mine = findings.stream().filter(f -> f.family() == family).toList();
            return new FamilyTotal(family, family.label(),
                    (int) mine.stream().filter(Finding::open).count(),
                    (int) mine.stream().filter(f -> !f.open()).count());
        }
    }

    /**
     * {@code newCount} and {@code newOpen}: the open findings NEW since the baseline, {@code newOpen} the
     * {@value #NEW_SHOWN} worst of them, then by account, function and rule — what a reader wants before anything
     * else; the rest are a filter away ({@code newMore}). {@code resolvedRows} are
     * {@code resolved} worst first. {@code firstRun}: no earlier run existed, so every finding was marked new.
     */
    public record DriftSummary(String baselineRunId, int newCount, List<FindingRow> newOpen,
                               List<ResolvedFinding> resolved, List<ResolvedRow> resolvedRows, boolean firstRun) {
        static final int NEW_SHOWN = 25;

        public int newMore() {
            return newCount - newOpen.size();
        }

        public boolean compared() {
            return baselineRunId != null;
        }

        static DriftSummary of(ScanResult result, List<FindingRow> rows) {
            List<FindingRow> newOpen = rows.stream().filter(r -> r.finding().open() && r.newSinceBaseline())
                    .sorted(Comparator.comparing((FindingRow r) -> r.finding().severity(), Comparator.reverseOrder())
                            .thenComparing(r -> r.finding().accountId())
                            .thenComparing(r -> r.finding().resourceName(), Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(r -> r.finding().ruleId()))
                    .toList();
            List<ResolvedRow> resolvedRows = result.resolved().stream()
                    .sorted(Comparator.comparing(ResolvedFinding::severity, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(ResolvedFinding::accountId).thenComparing(ResolvedFinding::ruleId))
                    .map(r -> new ResolvedRow(r, r.severity() == null ? "" : cssClass(r.severity()),
                            wasOpenFor(r.firstSeen(), result.finishedAt())))
                    .toList();
            boolean firstRun = result.baselineRunId() == null
                    && result.findings().stream().allMatch(f -> f.baseline() == Baseline.NEW);
            return new DriftSummary(result.baselineRunId(), newOpen.size(),
                    newOpen.subList(0, Math.min(NEW_SHOWN, newOpen.size())), result.resolved(), resolvedRows,
                    firstRun);
        }
    }

    /** A resolved finding; {@code wasOpenFor} is how long it was open, from its first run to this one, in words. */
    public record ResolvedRow(ResolvedFinding resolved, String severityClass, String wasOpenFor) {
    }

    /** From {@code firstSeen} to the day of the run that found it fixed: "under a day", "1 day", "41 days"; else empty. */
    static String wasOpenFor(LocalDate firstSeen, Instant resolvedAt) {
        if (firstSeen == null || resolvedAt == null) {
            return "";
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(firstSeen, LocalDate.ofInstant(resolvedAt, ZoneOffset.UTC)));
        return days == 0 ? "under a day" : openFor((int) days);
    }

    /**
     * One owner line of the roll-up, worst owner first ({@link OwnerRollup}): risk paths by tier and open findings by
     * severity, both worst first.
     */
    public record OwnerRow(String owner, List<Integer> riskPaths, int topScore, List<Integer> openFindings, int open) {
        static OwnerRow of(OwnerRollup o) {
            return new OwnerRow(o.owner(), byTier(o.riskPaths()), o.topScore(), bySeverity(o.openFindings()),
                    total(o.openFindings()));
        }
    }

    /**
     * One organisational unit of the roll-up, in tree order ({@link OuRollup}); every count but {@code directAccounts}
     * includes the OUs below it. {@code riskPaths} by tier and {@code openFindings} by severity, worst first.
     */
    public record OuRow(String ouPath, int depth, int directAccounts, int accounts, int functions,
                        List<Integer> riskPaths, List<Integer> openFindings, int open) {
        static OuRow of(OuRollup o) {
            return new OuRow(o.ouPath(), o.depth(), o.directAccounts(), o.accounts(), o.functions(),
                    byTier(o.riskPaths()), bySeverity(o.openFindings()), total(o.openFindings()));
        }
    }

    private static final List<RiskTier> WORST_TIER_FIRST = Stream.of(RiskTier.values())
            .sorted(Comparator.reverseOrder()).toList();

    private static List<Integer> byTier(Map<RiskTier, Integer> counts) {
        return WORST_TIER_FIRST.stream().map(t -> counts.getOrDefault(t, 0)).toList();
    }

    private static List<Integer> bySeverity(Map<Severity, Integer> counts) {
        return WORST_FIRST.stream().map(s -> counts.getOrDefault(s, 0)).toList();
    }

    private static int total(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One account line; {@code counts} follow {@link #WORST_FIRST}. */
    public record AccountRow(String accountId, String accountName, String ouPath, String coverage,
                             String coverageClass, int functions, String regions, List<Integer> counts, int total) {
    }

    /**
     * One finding line. {@code hiddenCharacters} flags values carrying invisible or text-direction control characters
     * (zero-width spaces, right-to-left overrides), which can make a name read as something it is not.
     * {@code openFor} is the finding's age in words ({@link #openFor(Integer)}).
     */
    public record FindingRow(int index, Finding finding, String severityClass, String related,
                             boolean newSinceBaseline, boolean hiddenCharacters, String openFor) {
    }

    /**
     * How long a finding has been open, as the report says it: "new" on the day it was first seen, else "1 day",
     * "41 days"; empty without an age. A waived finding counts too: a waiver does not fix the resource. The report's
     * script says it the same way.
     */
    static String openFor(Integer ageDays) {
        if (ageDays == null) {
            return "";
        }
        return ageDays == 0 ? "new" : ageDays == 1 ? "1 day" : ageDays + " days";
    }

    public record RuleView(RuleMeta meta, String familyLabel, List<Reference> references) {
    }

    /** A rule reference; only {@code https:} references become links. */
    public record Reference(String text, boolean link) {
    }

    /** A choice of a filter: the value a finding's filter entry carries, and what the reader sees. */
    public record Option(String value, String label) {
    }

    public record Filters(List<Severity> severities, List<Family> families, List<Option> accounts,
                          List<FindingStatus> statuses, List<Baseline> baselines, List<Option> rules,
                          List<String> regions, List<String> owners) {
    }

    private static Header header(ScanResult result) {
        Set<String> regions = result.accounts().stream().flatMap(a -> a.regions().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        if (regions.isEmpty() && result.request() != null) {
            regions.addAll(result.request().regions());
        }
        var request = result.request();
        String role = request == null ? "" : request.roleArnTemplate() != null ? request.roleArnTemplate() : request.roleName();
        String tool = result.tool() == null ? "" : result.tool().name() + " " + result.tool().version();
        return new Header(result.runId(), time(result.startedAt()), time(result.finishedAt()),
                duration(result.startedAt(), result.finishedAt()), tool,
                result.principal() == null ? "unknown" : result.principal(),
                result.accounts().size(), String.join(", ", regions), role);
    }

    private static List<FindingRow> findingRows(List<Finding> findings) {
        Comparator<Finding> order = Comparator.comparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(Finding::open, Comparator.reverseOrder());
        List<Finding> sorted = findings.stream().sorted(order).toList();
        return IntStream.range(0, sorted.size()).mapToObj(i -> {
            Finding f = sorted.get(i);
            return new FindingRow(i, f, cssClass(f.severity()), String.join("; ", f.related()),
                    f.baseline() == Baseline.NEW, hasHiddenCharacters(f), openFor(f.ageDays()));
        }).toList();
    }

    private static List<AccountRow> accountRows(ScanResult result) {
        Map<String, List<Finding>> open = result.findings().stream().filter(Finding::open)
                .collect(Collectors.groupingBy(Finding::accountId));
        Map<String, AccountRow> rows = new LinkedHashMap<>();
        for (AccountSummary a : result.accounts()) {
            rows.put(a.accountId(), accountRow(a.accountId(), a.accountName(), a.ouPath(), a.coverage().name(),
                    a.functions(), String.join(", ", a.regions()), open.getOrDefault(a.accountId(), List.of())));
        }
        // Findings of an account the summary does not list still count (a hand-edited or merged file).
        open.forEach((id, list) -> rows.computeIfAbsent(id, k -> accountRow(k, list.getFirst().accountName(),
                list.getFirst().ouPath(), "UNKNOWN", 0, "", list)));
        return rows.values().stream().sorted(WORST_ACCOUNT_FIRST).toList();
    }

    private static AccountRow accountRow(String id, String name, String ouPath, String coverage, int functions,
                                         String regions, List<Finding> open) {
        List<Integer> counts = WORST_FIRST.stream()
                .map(s -> (int) open.stream().filter(f -> f.severity() == s).count()).toList();
        return new AccountRow(id, name, ouPath, coverage, coverage.toLowerCase(Locale.ROOT).replace('_', '-'),
                functions, regions, counts, open.size());
    }

    /** Most critical findings first, then most high, and so on; then accounts with the weakest coverage. */
    private static final Comparator<AccountRow> WORST_ACCOUNT_FIRST = ((Comparator<AccountRow>) (a, b) -> {
        for (int i = 0; i < a.counts().size(); i++) {
            int c = Integer.compare(b.counts().get(i), a.counts().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }).thenComparing(a -> coverageRank(a.coverage())).thenComparing(AccountRow::accountId);

    private static int coverageRank(String coverage) {
        return switch (coverage) {
            case "NOT_EVALUATED" -> 0;
            case "PARTIAL", "UNKNOWN" -> 1;
            default -> 2;
        };
    }

    private static List<RuleView> ruleViews(ScanResult result) {
        Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        return result.rules().stream().filter(r -> fired.contains(r.id()))
                .sorted(Comparator.comparing(RuleMeta::id))
                .map(r -> new RuleView(r, r.family() == null ? "" : r.family().label(),
                        r.references().stream().map(ref -> new Reference(ref, ref.startsWith("https://"))).toList()))
                .toList();
    }

    private static Map<String, String> accountNames(ScanResult result) {
        Map<String, String> names = new LinkedHashMap<>();
        result.accounts().forEach(a -> names.put(a.accountId(), a.accountName()));
        result.findings().forEach(f -> names.putIfAbsent(f.accountId(), f.accountName()));
        return names;
    }

    private static List<Option> accountOptions(List<Finding> findings, Map<String, String> names) {
        return findings.stream().map(Finding::accountId).distinct().sorted()
                .map(id -> new Option(id, label(id, names.get(id)))).toList();
    }

    private static List<Option> ruleOptions(List<Finding> findings) {
        Map<String, String> titles = new TreeMap<>();
        findings.forEach(f -> titles.putIfAbsent(f.ruleId(), f.title()));
        return titles.entrySet().stream()
                .map(rule -> new Option(rule.getKey(), rule.getKey() + " \u2014 " + rule.getValue())).toList();
    }

    private static List<String> distinct(List<Finding> findings, Function<Finding, String> field) {
        return findings.stream().map(field).filter(value -> value != null && !value.isEmpty()).distinct().sorted()
                .toList();
    }

    private static String label(String id, String name) {
        return name == null || name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")";
    }

    static String cssClass(Severity severity) {
        return "sev-" + severity.name().toLowerCase(Locale.ROOT);
    }

    private static boolean hasHiddenCharacters(Finding f) {
        return Stream.of(f.accountName(), f.ouPath(), f.owner(), f.resourceName(), f.resourceArn(), f.detail())
                .filter(Objects::nonNull)
                .anyMatch(ReportView::hasHiddenCharacters);
    }

    /** Format characters (Unicode category Cf: zero-width, bidi controls, BOM) that render invisibly. */
    static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.FORMAT);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        Duration d = Duration.between(start, end);
        if (d.toHours() > 0) {
            return "%dh %02dm %02ds".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        if (d.toMinutes() > 0) {
            return "%dm %02ds".formatted(d.toMinutes(), d.toSecondsPart());
        }
        return d.toSeconds() + "s";
    }
}
