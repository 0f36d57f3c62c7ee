package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AuditPosture.Analyzer;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRecorder;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.inventory.snapshot.PolicyValidation.Issue;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.RuleRun.Expect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Fixtures.MANAGEMENT;
import static io.lambdaguardrails.rules.fixtures.RuleRun.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AuditRulesTest {

    private static final Settings DEFAULTS = Settings.defaults();
    private static final String MEMBER = "111111111111";
    private static final String EU = "eu-west-1";

    static Stream<Arguments> cases() {
        Trail good = trail(MEMBER, "main", true, false, true, null, true, false);
        return Stream.of(
                // LG-AUD-001
                arguments("AUD-001 logging multi-region trail", new NoManagementEventTrail(), member(r -> r.trail(good)),
                        DEFAULTS, List.of()),
                arguments("AUD-001 no trail", new NoManagementEventTrail(), member(r -> { }), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, HIGH, "No CloudTrail trail applies"))),
                arguments("AUD-001 single-region trail", new NoManagementEventTrail(),
                        member(r -> r.trail(trail(MEMBER, "local", false, false, true, null, true, false))), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, HIGH, "None of the trails (local)"))),
                arguments("AUD-001 trail stopped", new NoManagementEventTrail(),
                        member(r -> r.trail(trail(MEMBER, "main", true, false, false, null, true, false))), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, HIGH, "None of the trails (main)"))),
                arguments("AUD-001 trail without management events", new NoManagementEventTrail(),
                        member(r -> r.trail(trail(MEMBER, "data", true, false, true, null, false, true))), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, HIGH, "(data)"))),
                arguments("AUD-001 logging status unknown", new NoManagementEventTrail(),
                        member(r -> r.trail(trail(MEMBER, "main", true, false, null, null, true, false))), DEFAULTS, List.of()),
                arguments("AUD-001 trails could not be read", new NoManagementEventTrail(),
                        member(r -> r.auditUnknown(true, false, false)), DEFAULTS, List.of()),
                arguments("AUD-001 organisation trail covers the member", new NoManagementEventTrail(), withOrgTrail(
                        trail(MANAGEMENT, "org", true, true, true, null, true, false)), DEFAULTS, List.of()),
                arguments("AUD-001 stopped organisation trail covers nobody", new NoManagementEventTrail(), withOrgTrail(
                        trail(MANAGEMENT, "org", true, true, false, null, true, false)), DEFAULTS,
                        List.of(expect("acct-" + MANAGEMENT, HIGH, "(org)"), expect("acct-" + MEMBER, HIGH, "(org)"))),

                // LG-AUD-002
                arguments("AUD-002 healthy trail", new TrailNotHealthy(), member(r -> r.trail(good)), DEFAULTS, List.of()),
                arguments("AUD-002 stopped trail", new TrailNotHealthy(),
                        member(r -> r.trail(trail(MEMBER, "main", true, false, false, null, true, false))),
                        DEFAULTS, List.of(expect("main", HIGH, "Trail main is not logging"))),
                arguments("AUD-002 delivery error", new TrailNotHealthy(),
                        member(r -> r.trail(trail(MEMBER, "main", true, false, true, "AccessDenied", true, false))), DEFAULTS,
                        List.of(expect("main", HIGH, "reports a delivery error (AccessDenied)"))),
                arguments("AUD-002 organisation trail judged in its owner only", new TrailNotHealthy(),
                        withOrgTrail(trail(MANAGEMENT, "org", true, true, false, null, true, false)), DEFAULTS,
                        List.of(expect("org", HIGH, "not logging"))),

                // LG-AUD-003
                arguments("AUD-003 no data events", new NoLambdaDataEvents(), member(r -> r.trail(good)), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, LOW, "Lambda Invoke data events"))),
                arguments("AUD-003 data events on an own trail", new NoLambdaDataEvents(),
                        member(r -> r.trail(trail(MEMBER, "data", false, false, true, null, false, true))), DEFAULTS, List.of()),
                arguments("AUD-003 data events on the organisation trail", new NoLambdaDataEvents(),
                        withOrgTrail(trail(MANAGEMENT, "org", true, true, true, null, true, true)), DEFAULTS, List.of()),
                arguments("AUD-003 trails could not be read", new NoLambdaDataEvents(),
                        member(r -> r.auditUnknown(true, false, false)), DEFAULTS, List.of()),

                // LG-AUD-004
                arguments("AUD-004 recording Lambda", new ConfigNotRecordingLambda(),
                        member(r -> r.recorder(new ConfigRecorder("default", true, true, "SUCCESS"))), DEFAULTS, List.of()),
                arguments("AUD-004 no recorder", new ConfigNotRecordingLambda(), member(r -> { }), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, MEDIUM, "No AWS Config recorder"))),
                arguments("AUD-004 recorder excludes Lambda", new ConfigNotRecordingLambda(),
                        member(r -> r.recorder(new ConfigRecorder("default", false, true, "SUCCESS"))), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, MEDIUM, "default does not include Lambda functions"))),
                arguments("AUD-004 recorder failing", new ConfigNotRecordingLambda(),
                        member(r -> r.recorder(new ConfigRecorder("default", true, true, "FAILURE"))), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, MEDIUM, "default last failed"))),
                arguments("AUD-004 recorders could not be read", new ConfigNotRecordingLambda(),
                        member(r -> r.auditUnknown(false, true, false)), DEFAULTS, List.of()),
                arguments("AUD-004 region without functions", new ConfigNotRecordingLambda(),
                        Fixtures.org(o -> o.account(MEMBER, a -> a.region(EU, r -> { }))), DEFAULTS, List.of()),

                // LG-AUD-005
                arguments("AUD-005 a Lambda managed rule", new NoLambdaConfigRules(),
                        member(r -> r.configRule("vpc-check", "LAMBDA_INSIDE_VPC")), DEFAULTS, List.of()),
                arguments("AUD-005 other rules only", new NoLambdaConfigRules(),
                        member(r -> r.configRule("s3", "S3_BUCKET_PUBLIC_READ_PROHIBITED")), DEFAULTS,
                        List.of(expect("acct-" + MEMBER, LOW, "None of the Lambda managed Config rules"))),
                arguments("AUD-005 rules could not be read", new NoLambdaConfigRules(),
                        member(r -> r.auditUnknown(false, true, false)), DEFAULTS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(String name, Rule rule, Snapshot snapshot, Settings settings, List<Expect> expected) {
        RuleRun.assertReports(rule, snapshot, settings, expected);
    }

    private static final String ADMIN = "999999999999";

    /**
     * The member with a function in us-east-1 and the management account scanned there with no function (its
     * analyzers read all the same, as the scan reads them in every region of an account that may own organisation
     * analyzers), each with the analyzers the case gives, and whatever else the case adds to the organisation.
     */
    private static Snapshot analyzers(Consumer<Fixtures.RegionBuilder> member, Consumer<Fixtures.RegionBuilder> management,
                                      Consumer<Fixtures.OrgBuilder> more) {
        return Fixtures.org(o -> {
            o.account(MANAGEMENT, a -> a.region(Fixtures.REGION, management));
            o.account(MEMBER, a -> a.region(Fixtures.REGION, r -> {
                member.accept(r);
                r.function("fn", f -> { });
            }));
            more.accept(o);
        });
    }

    private static final Consumer<Fixtures.RegionBuilder> NONE = r -> { };
    private static final Consumer<Fixtures.OrgBuilder> AS_IS = o -> { };

    static Stream<Arguments> analyzerCases() {
        return Stream.of(
                arguments("the member's own account analyzer", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT", "ACTIVE")), NONE, AS_IS),
                        null, null),
                arguments("no analyzer anywhere", analyzers(NONE, NONE, AS_IS),
                        "No ACTIVE external-access analyzer", null),
                arguments("an unused-access analyzer only", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT_UNUSED_ACCESS", "ACTIVE")), NONE, AS_IS),
                        "covers the account in us-east-1", null),
                arguments("a failed analyzer", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT", "FAILED")), NONE, AS_IS),
                        "No ACTIVE", null),
                arguments("an organisation analyzer in the management account covers the member",
                        analyzers(NONE, r -> r.analyzer(analyzer(MANAGEMENT, "ORGANIZATION", "ACTIVE")), AS_IS), null, null),
                arguments("an organisation analyzer in the delegated administrator covers the member",
                        analyzers(NONE, NONE, o -> o.analyzerAdministrator(ADMIN).account(ADMIN, a -> a.region(Fixtures.REGION,
                                r -> r.analyzer(analyzer(ADMIN, "ORGANIZATION", "ACTIVE"))))), null, null),
                arguments("an account analyzer in the management account covers only the management account",
                        analyzers(NONE, r -> r.analyzer(analyzer(MANAGEMENT, "ACCOUNT", "ACTIVE")), AS_IS),
                        "No ACTIVE external-access analyzer", null),
                arguments("another member's account analyzer covers only that member",
                        analyzers(NONE, NONE, o -> o.account("222222222222", a -> a.region(Fixtures.REGION,
                                r -> r.analyzer(analyzer("222222222222", "ACCOUNT", "ACTIVE")).function("other", f -> { })))),
                        "No ACTIVE external-access analyzer", null),
                arguments("an organisation analyzer in another region", Fixtures.org(o -> o
                                .account(MANAGEMENT, a -> a.region(EU, r -> r.analyzer(analyzer(MANAGEMENT, "ORGANIZATION", "ACTIVE")))
                                        .region(Fixtures.REGION, NONE))
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))),
                        "covers the account in us-east-1", null),
                arguments("the member's analyzers could not be read", analyzers(r -> r.auditUnknown(false, false, true), NONE, AS_IS),
                        null, null),
                arguments("the management account was not scanned", Fixtures.org(o -> o.member(MANAGEMENT)
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))),
                        null, "the management account " + MANAGEMENT + " was not scanned"),
                arguments("the management account could not be entered", Fixtures.org(o -> o
                                .account(MANAGEMENT, a -> a.notAssumable())
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))),
                        null, "the management account " + MANAGEMENT + " could not be entered"),
                arguments("the management account's analyzers could not be read",
                        analyzers(NONE, r -> r.auditUnknown(false, false, true), AS_IS),
                        null, "the analyzers of the management account " + MANAGEMENT + " in us-east-1 could not be read"),
                arguments("the delegated administrator was not scanned", analyzers(NONE, NONE, o -> o.analyzerAdministrator(ADMIN)),
                        null, "the delegated administrator " + ADMIN + " was not scanned"),
                arguments("the delegated administrators could not be read", analyzers(NONE, NONE, Fixtures.OrgBuilder::analyzerAdministratorsUnknown),
                        null, "the delegated administrators of IAM Access Analyzer could not be read"),
                arguments("the organisation could not be read", Fixtures.org(o -> o.unavailable()
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))),
                        "organisation analyzers were not looked for", null));
    }

    @ParameterizedTest(name = "AUD-006 {0}")
    @MethodSource("analyzerCases")
    void judgesAccessAnalyzerCoverage(String name, Snapshot snapshot, String finding, String notEvaluatedBecause) {
        var rule = new NoAccessAnalyzer();
        RuleRun.assertReports(rule, snapshot, DEFAULTS,
                finding == null ? List.of() : List.of(expect("acct-" + MEMBER, MEDIUM, finding)));
        var notEvaluated = rule.notEvaluated(RuleContext.of(snapshot, DEFAULTS, RuleRun.TODAY));
        if (notEvaluatedBecause == null) {
            assertThat(notEvaluated).isEmpty();
        } else {
            assertThat(notEvaluated).singleElement().satisfies(n -> {
                assertThat(n.accountId()).isEqualTo(MEMBER);
                assertThat(n.region()).isEqualTo(Fixtures.REGION);
                assertThat(n.reason()).startsWith("No analyzer of the account covers us-east-1").contains(notEvaluatedBecause);
            });
        }
    }

    private static final String ROLE_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""";

    static Stream<Arguments> policyValidationCases() {
        return Stream.of(
                arguments("security warning on an inline policy", List.of(new Issue("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE")),
                        List.of(expect("fn-role", MEDIUM, "inline policy app: SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE"))),
                arguments("error on an inline policy", List.of(new Issue("ERROR", "MISSING_VERSION"), new Issue("SUGGESTION", "EMPTY_ARRAY_ACTION")),
                        List.of(expect("fn-role", MEDIUM, "ERROR MISSING_VERSION."))),
                arguments("suggestions only", List.of(new Issue("SUGGESTION", "EMPTY_ARRAY_ACTION")), List.of()),
                arguments("clean", List.of(), List.of()));
    }

    @ParameterizedTest(name = "AUD-007 {0}")
    @MethodSource("policyValidationCases")
    void reportsPolicyValidationIssuesPerExecutionRole(String name, List<Issue> issues, List<Expect> expected) {
        Snapshot snapshot = Fixtures.org(o -> o.account(MEMBER, a -> a
                .role("fn-role", r -> r.inline("app", ROLE_POLICY))
                .policyValidation(ROLE_POLICY, issues.toArray(Issue[]::new))
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        RuleRun.assertReports(new PolicyValidationIssues(), snapshot, DEFAULTS, expected);
    }

    @Test
    void policyValidationNotCollectedMeansNotEvaluated() {
        Snapshot snapshot = Fixtures.org(o -> o.account(MEMBER, a -> a
                .role("fn-role", r -> r.inline("app", ROLE_POLICY))
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        assertThat(RuleRun.run(new PolicyValidationIssues(), snapshot, DEFAULTS)).isEmpty();
        assertThat(PolicyValidationIssues.META.enabledByDefault()).isFalse();
    }

    @Test
    void accountFindingsNameTheAccountGlobally() {
        var violation = RuleRun.run(new NoManagementEventTrail(), member(r -> { }), DEFAULTS).getFirst();
        assertThat(violation.resourceArn()).isEqualTo("arn:aws:::account/" + MEMBER);
        assertThat(violation.region()).isEqualTo("global");
    }

    @Test
    void unassumableAccountsAreNotEvaluated() {
        Snapshot snapshot = Fixtures.org(o -> o.account(MEMBER, a -> a.notAssumable()));
        assertThat(RuleRun.run(new NoManagementEventTrail(), snapshot, DEFAULTS)).isEmpty();
        assertThat(RuleRun.run(new NoAccessAnalyzer(), snapshot, DEFAULTS)).isEmpty();
    }

    /** How the management account that owns the organisation trail appears in the scan. */
    enum TrailOwner {
        ENTERED_AND_READ, NOT_ENTERED, NOT_SCANNED
    }

    /** The member lists the management account's organisation trail (a shadow copy: status and selectors unknown). */
    private static Snapshot memberOfOrgTrail(TrailOwner owner, Boolean logging) {
        Trail orgTrail = trail(MANAGEMENT, "org", true, true, logging, null, true, true);
        return Fixtures.org(o -> {
            switch (owner) {
                case ENTERED_AND_READ -> o.account(MANAGEMENT, a -> a.region(Fixtures.REGION, r -> r.trail(orgTrail)));
                case NOT_ENTERED -> o.account(MANAGEMENT, a -> a.notAssumable());
                case NOT_SCANNED -> o.member(MANAGEMENT);
            }
            o.account(MEMBER, a -> a.region(EU, r -> r.trail(orgTrail.unread()).function("fn", f -> { })));
        });
    }

    static Stream<Arguments> unreadOrganisationTrail() {
        return Stream.of(
                arguments(new NoManagementEventTrail(), TrailOwner.NOT_ENTERED, "which this scan could not enter"),
                arguments(new NoManagementEventTrail(), TrailOwner.NOT_SCANNED, "which this scan did not cover"),
                arguments(new NoLambdaDataEvents(), TrailOwner.NOT_ENTERED, "which this scan could not enter"),
                arguments(new NoLambdaDataEvents(), TrailOwner.NOT_SCANNED, "which this scan did not cover"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unreadOrganisationTrail")
    void anUnreadableOrganisationTrailMakesTheMemberNotEvaluatedNeverAFinding(Rule rule, TrailOwner owner, String why) {
        Snapshot snapshot = memberOfOrgTrail(owner, true);

        assertThat(RuleRun.run(rule, snapshot, DEFAULTS)).isEmpty();
        var notEvaluated = rule.notEvaluated(RuleContext.of(snapshot, DEFAULTS, RuleRun.TODAY));
        assertThat(notEvaluated).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo(rule.meta().id());
            assertThat(n.accountId()).isEqualTo(MEMBER);
            assertThat(n.region()).isEqualTo("global");
            assertThat(n.reason()).contains("trail org (arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org)",
                    "owned by account " + MANAGEMENT + ", " + why);
        });
    }

    @Test
    void anOrganisationTrailReadInItsOwnerIsJudged() {
        Snapshot logging = memberOfOrgTrail(TrailOwner.ENTERED_AND_READ, true);
        Snapshot stopped = memberOfOrgTrail(TrailOwner.ENTERED_AND_READ, false);
        RuleContext loggingContext = RuleContext.of(logging, DEFAULTS, RuleRun.TODAY);
        RuleContext stoppedContext = RuleContext.of(stopped, DEFAULTS, RuleRun.TODAY);

        assertThat(new NoManagementEventTrail().notEvaluated(loggingContext)).isEmpty();
        assertThat(new NoLambdaDataEvents().notEvaluated(loggingContext)).isEmpty();
        assertThat(RuleRun.run(new NoManagementEventTrail(), logging, DEFAULTS)).isEmpty();
        assertThat(new NoManagementEventTrail().notEvaluated(stoppedContext)).isEmpty();
        assertThat(RuleRun.run(new NoManagementEventTrail(), stopped, DEFAULTS))
                .extracting(Violation::accountId).containsExactly(MANAGEMENT, MEMBER);
    }

    @Test
    void anOwnTrailWhoseSelectorsCouldNotBeReadIsNotEvaluated() {
        Trail unreadSelectors = new Trail("arn:aws:cloudtrail:us-east-1:" + MEMBER + ":trail/main", "main",
                Fixtures.REGION, true, false, true, null, null, null);
        Snapshot snapshot = member(r -> r.trail(unreadSelectors));
        RuleContext context = RuleContext.of(snapshot, DEFAULTS, RuleRun.TODAY);

        assertThat(RuleRun.run(new NoManagementEventTrail(), snapshot, DEFAULTS)).isEmpty();
        assertThat(new NoManagementEventTrail().notEvaluated(context)).singleElement()
                .extracting(NotEvaluated::reason).asString().contains("trail main", "its status or event selectors could not be read");
        assertThat(RuleRun.run(new NoLambdaDataEvents(), snapshot, DEFAULTS)).isEmpty();
        assertThat(new NoLambdaDataEvents().notEvaluated(context)).hasSize(1);
    }

    /** The member account with one function in us-east-1 and whatever audit posture the case gives it. */
    private static Snapshot member(Consumer<Fixtures.RegionBuilder> audit) {
        return Fixtures.org(o -> o.account(MEMBER, a -> a.region(Fixtures.REGION, r -> {
            audit.accept(r);
            r.function("fn", f -> { });
        })));
    }

    /** The management account owns an organisation trail (also listed, as a shadow, by the member). */
    private static Snapshot withOrgTrail(Trail orgTrail) {
        Trail shadow = new Trail(orgTrail.arn(), orgTrail.name(), orgTrail.homeRegion(), true, true, null, null,
                orgTrail.managementEvents(), orgTrail.lambdaDataEvents());
        return Fixtures.org(o -> o
                .account(MANAGEMENT, a -> a.region(Fixtures.REGION, r -> r.trail(orgTrail).function("ops", f -> { })))
                .account(MEMBER, a -> a.region(EU, r -> r.trail(shadow).function("fn", f -> { }))));
    }

    private static Trail trail(String owner, String name, boolean multiRegion, boolean organisation, Boolean logging,
                               String deliveryError, boolean managementEvents, boolean dataEvents) {
        return new Trail("arn:aws:cloudtrail:us-east-1:" + owner + ":trail/" + name, name, Fixtures.REGION, multiRegion,
                organisation, logging, deliveryError, managementEvents, dataEvents);
    }

    private static Analyzer analyzer(String owner, String type, String status) {
        return new Analyzer("arn:aws:access-analyzer:us-east-1:" + owner + ":analyzer/a", "a", type, status);
    }
}
