package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AuditPosture.Analyzer;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRecorder;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRule;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.inventory.snapshot.PolicyValidation.Issue;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.fixtures.Fixtures.TrailBuilder;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Fixtures.MANAGEMENT;
import static io.lambdaguardrails.rules.fixtures.Fixtures.trail;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AuditRulesTest {

    private static final String MEMBER = "111111111111";
    private static final String EU = "eu-west-1";

    static Stream<Arguments> cases() {
        TrailBuilder good = trail(MEMBER, "main");
        return Stream.of(
                // LG-AUD-001
                arguments(new NoManagementEventTrail(), reportsNothing("AUD-001 logging multi-region trail", member(r -> r.trail(good)))),
                arguments(new NoManagementEventTrail(), reports("AUD-001 no trail", member(r -> { }), finding("acct-" + MEMBER, HIGH, "No CloudTrail trail applies"))),
                arguments(new NoManagementEventTrail(), reports("AUD-001 single-region trail", member(r -> r.trail(trail(MEMBER, "local").singleRegion())), finding("acct-" + MEMBER, HIGH, "None of the trails (local)"))),
                arguments(new NoManagementEventTrail(), reports("AUD-001 trail stopped", member(r -> r.trail(trail(MEMBER, "main").stopped())), finding("acct-" + MEMBER, HIGH, "None of the trails (main)"))),
                arguments(new NoManagementEventTrail(), reports("AUD-001 trail without management events", member(r -> r.trail(trail(MEMBER, "data").withoutManagementEvents().lambdaDataEvents())), finding("acct-" + MEMBER, HIGH, "(data)"))),
                arguments(new NoManagementEventTrail(), reportsNothing("AUD-001 logging status unknown", member(r -> r.trail(trail(MEMBER, "main").loggingUnknown())))),
                arguments(new NoManagementEventTrail(), reportsNothing("AUD-001 trails could not be read", member(r -> r.trailsUnknown()))),
                arguments(new NoManagementEventTrail(), reportsNothing("AUD-001 organisation trail covers the member", withOrgTrail(
                        trail(MANAGEMENT, "org").organisation()))),
                arguments(new NoManagementEventTrail(), reports("AUD-001 stopped organisation trail covers nobody", withOrgTrail(
                        trail(MANAGEMENT, "org").organisation().stopped()), finding("acct-" + MANAGEMENT, HIGH, "(org)"), finding("acct-" + MEMBER, HIGH, "(org)"))),

                // LG-AUD-002
                arguments(new TrailNotHealthy(), reportsNothing("AUD-002 healthy trail", member(r -> r.trail(good)))),
                arguments(new TrailNotHealthy(), reports("AUD-002 stopped trail", member(r -> r.trail(trail(MEMBER, "main").stopped())), finding("main", HIGH, "Trail main is not logging"))),
                arguments(new TrailNotHealthy(), reports("AUD-002 delivery error", member(r -> r.trail(trail(MEMBER, "main").deliveryError("AccessDenied"))), finding("main", HIGH, "reports a delivery error (AccessDenied)"))),
                arguments(new TrailNotHealthy(), reports("AUD-002 organisation trail judged in its owner only", withOrgTrail(trail(MANAGEMENT, "org").organisation().stopped()), finding("org", HIGH, "not logging"))),

                // LG-AUD-003
                arguments(new NoLambdaDataEvents(), reports("AUD-003 no data events", member(r -> r.trail(good)), finding("acct-" + MEMBER, LOW, "Lambda Invoke data events"))),
                arguments(new NoLambdaDataEvents(), reportsNothing("AUD-003 data events on an own trail", member(r -> r.trail(trail(MEMBER, "data").singleRegion().withoutManagementEvents().lambdaDataEvents())))),
                arguments(new NoLambdaDataEvents(), reportsNothing("AUD-003 data events on the organisation trail", withOrgTrail(trail(MANAGEMENT, "org").organisation().lambdaDataEvents()))),
                arguments(new NoLambdaDataEvents(), reportsNothing("AUD-003 trails could not be read", member(r -> r.trailsUnknown()))),

                // LG-AUD-004
                arguments(new ConfigNotRecordingLambda(), reportsNothing("AUD-004 recording Lambda", member(r -> r.recorder(recorder("SUCCESS"))))),
                arguments(new ConfigNotRecordingLambda(), reports("AUD-004 no recorder", member(r -> { }), finding("acct-" + MEMBER, MEDIUM, "No AWS Config recorder"))),
                arguments(new ConfigNotRecordingLambda(), reports("AUD-004 recorder excludes Lambda", member(r -> r.recorder(recorderWithoutLambda())), finding("acct-" + MEMBER, MEDIUM, "default does not include Lambda functions"))),
                arguments(new ConfigNotRecordingLambda(), reports("AUD-004 recorder failing", member(r -> r.recorder(recorder("FAILURE"))), finding("acct-" + MEMBER, MEDIUM, "default last failed"))),
                arguments(new ConfigNotRecordingLambda(), reportsNothing("AUD-004 recorders could not be read", member(r -> r.configUnknown()))),
                arguments(new ConfigNotRecordingLambda(), reportsNothing("AUD-004 region without functions", Fixtures.org(o -> o.account(MEMBER, a -> a.region(EU, r -> { }))))),

                // LG-AUD-005
                arguments(new NoLambdaConfigRules(), reportsNothing("AUD-005 a Lambda managed rule", member(r -> r.configRule("vpc-check", "LAMBDA_INSIDE_VPC")))),
                arguments(new NoLambdaConfigRules(), reports("AUD-005 a Lambda managed rule being deleted", member(r -> r.configRule("vpc-check", "LAMBDA_INSIDE_VPC", ConfigRule.State.DELETING_RESULTS)), finding("acct-" + MEMBER, LOW, "None of the Lambda managed Config rules"))),
                arguments(new NoLambdaConfigRules(), reportsNothing("AUD-005 a Lambda managed rule in a state this version does not know still exists", member(r -> r.configRule("vpc-check", "LAMBDA_INSIDE_VPC", ConfigRule.State.of("PAUSED"))))),
                arguments(new NoLambdaConfigRules(), reports("AUD-005 other rules only", member(r -> r.configRule("s3", "S3_BUCKET_PUBLIC_READ_PROHIBITED")), finding("acct-" + MEMBER, LOW, "None of the Lambda managed Config rules"))),
                arguments(new NoLambdaConfigRules(), reportsNothing("AUD-005 rules could not be read", member(r -> r.configUnknown()))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(Rule rule, RuleCase c) {
        RuleTester.of(rule).check(c);
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
                arguments(reportsNothing("the member's own account analyzer", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT", "ACTIVE")), NONE, AS_IS)), null),
                arguments(reports("no analyzer anywhere", analyzers(NONE, NONE, AS_IS), finding("acct-" + MEMBER, MEDIUM, "No ACTIVE external-access analyzer")), null),
                arguments(reports("an unused-access analyzer only", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT_UNUSED_ACCESS", "ACTIVE")), NONE, AS_IS), finding("acct-" + MEMBER, MEDIUM, "covers the account in us-east-1")), null),
                arguments(reports("a failed analyzer", analyzers(r -> r.analyzer(analyzer(MEMBER, "ACCOUNT", "FAILED")), NONE, AS_IS), finding("acct-" + MEMBER, MEDIUM, "No ACTIVE")), null),
                arguments(reportsNothing("an organisation analyzer in the management account covers the member", analyzers(NONE, r -> r.analyzer(analyzer(MANAGEMENT, "ORGANIZATION", "ACTIVE")), AS_IS)), null),
                arguments(reportsNothing("an organisation analyzer in the delegated administrator covers the member", analyzers(NONE, NONE, o -> o.analyzerAdministrator(ADMIN).account(ADMIN, a -> a.region(Fixtures.REGION,
                                r -> r.analyzer(analyzer(ADMIN, "ORGANIZATION", "ACTIVE")))))), null),
                arguments(reports("an account analyzer in the management account covers only the management account", analyzers(NONE, r -> r.analyzer(analyzer(MANAGEMENT, "ACCOUNT", "ACTIVE")), AS_IS), finding("acct-" + MEMBER, MEDIUM, "No ACTIVE external-access analyzer")), null),
                arguments(reports("another member's account analyzer covers only that member", analyzers(NONE, NONE, o -> o.account("222222222222", a -> a.region(Fixtures.REGION,
                                r -> r.analyzer(analyzer("222222222222", "ACCOUNT", "ACTIVE")).function("other", f -> { })))), finding("acct-" + MEMBER, MEDIUM, "No ACTIVE external-access analyzer")), null),
                arguments(reports("an organisation analyzer in another region", Fixtures.org(o -> o
                                .account(MANAGEMENT, a -> a.region(EU, r -> r.analyzer(analyzer(MANAGEMENT, "ORGANIZATION", "ACTIVE")))
                                        .region(Fixtures.REGION, NONE))
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))), finding("acct-" + MEMBER, MEDIUM, "covers the account in us-east-1")), null),
                arguments(reportsNothing("the member's analyzers could not be read", analyzers(r -> r.analyzersUnknown(), NONE, AS_IS)), null),
                arguments(reportsNothing("the management account was not scanned", Fixtures.org(o -> o.member(MANAGEMENT)
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { }))))), "the management account " + MANAGEMENT + " was not scanned"),
                arguments(reportsNothing("the management account could not be entered", Fixtures.org(o -> o
                                .account(MANAGEMENT, a -> a.notAssumable())
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { }))))), "the management account " + MANAGEMENT + " could not be entered"),
                arguments(reportsNothing("the management account's analyzers could not be read", analyzers(NONE, r -> r.analyzersUnknown(), AS_IS)), "the analyzers of the management account " + MANAGEMENT + " in us-east-1 could not be read"),
                arguments(reportsNothing("the delegated administrator was not scanned", analyzers(NONE, NONE, o -> o.analyzerAdministrator(ADMIN))), "the delegated administrator " + ADMIN + " was not scanned"),
                arguments(reportsNothing("the delegated administrators could not be read", analyzers(NONE, NONE, Fixtures.OrgBuilder::analyzerAdministratorsUnknown)), "the delegated administrators of IAM Access Analyzer could not be read"),
                arguments(reports("the organisation could not be read", Fixtures.org(o -> o.unavailable()
                                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { })))), finding("acct-" + MEMBER, MEDIUM, "organisation analyzers were not looked for")), null));
    }

    @ParameterizedTest(name = "AUD-006 {0}")
    @MethodSource("analyzerCases")
    void judgesAccessAnalyzerCoverage(RuleCase c, String notEvaluatedBecause) {
        var rule = RuleTester.of(new NoAccessAnalyzer());
        rule.check(c);
        var notEvaluated = rule.notEvaluated(c.given());
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

    static Stream<RuleCase> policyValidationCases() {
        return Stream.of(
                reports("security warning on an inline policy", validated(new Issue(Issue.FindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE")), finding("fn-role", MEDIUM, "inline policy app: SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE")),
                reports("error on an inline policy", validated(new Issue(Issue.FindingType.ERROR, "MISSING_VERSION"), new Issue(Issue.FindingType.SUGGESTION, "EMPTY_ARRAY_ACTION")), finding("fn-role", MEDIUM, "ERROR MISSING_VERSION.")),
                reportsNothing("suggestions and a type this version does not know only", validated(new Issue(Issue.FindingType.SUGGESTION, "EMPTY_ARRAY_ACTION"), new Issue(Issue.FindingType.of("CRITICAL_NOTICE"), "NEW_CHECK"))),
                reportsNothing("clean", validated()));
    }

    @ParameterizedTest(name = "AUD-007 {0}")
    @MethodSource("policyValidationCases")
    void reportsPolicyValidationIssuesPerExecutionRole(RuleCase c) {
        RuleTester.of(new PolicyValidationIssues()).check(c);
    }

    /** {@code fn-role} with an inline policy that Access Analyzer's validation found {@code issues} in. */
    private static Snapshot validated(Issue... issues) {
        return Fixtures.org(o -> o.account(MEMBER, a -> a
                .role("fn-role", r -> r.inline("app", ROLE_POLICY))
                .policyValidation(ROLE_POLICY, issues)
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
    }

    @Test
    void policyValidationNotCollectedMeansNotEvaluated() {
        Snapshot snapshot = Fixtures.org(o -> o.account(MEMBER, a -> a
                .role("fn-role", r -> r.inline("app", ROLE_POLICY))
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        assertThat(RuleTester.of(new PolicyValidationIssues()).run(snapshot)).isEmpty();
        assertThat(PolicyValidationIssues.META.enabledByDefault()).isFalse();
    }

    @Test
    void accountFindingsNameTheAccountGlobally() {
        var violation = RuleTester.of(new NoManagementEventTrail()).run(member(r -> { })).getFirst();
        assertThat(violation.resourceArn()).isEqualTo("arn:aws:::account/" + MEMBER);
        assertThat(violation.region()).isEqualTo("global");
    }

    @Test
    void unassumableAccountsAreNotEvaluated() {
        Snapshot snapshot = Fixtures.org(o -> o.account(MEMBER, a -> a.notAssumable()));
        assertThat(RuleTester.of(new NoManagementEventTrail()).run(snapshot)).isEmpty();
        assertThat(RuleTester.of(new NoAccessAnalyzer()).run(snapshot)).isEmpty();
    }

    /** How the management account that owns the organisation trail appears in the scan. */
    enum TrailOwner {
        ENTERED_AND_READ, NOT_ENTERED, NOT_SCANNED
    }

    private static TrailBuilder orgTrail() {
        return trail(MANAGEMENT, "org").organisation().lambdaDataEvents();
    }

    /** The member lists the management account's organisation trail (a shadow copy: status and selectors unknown). */
    private static Snapshot memberOfOrgTrail(TrailOwner owner, TrailBuilder organisationTrail) {
        Trail orgTrail = organisationTrail.build();
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
        Snapshot snapshot = memberOfOrgTrail(owner, orgTrail());

        assertThat(RuleTester.of(rule).run(snapshot)).isEmpty();
        var notEvaluated = rule.notEvaluated(RuleTester.context(snapshot));
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
        Snapshot logging = memberOfOrgTrail(TrailOwner.ENTERED_AND_READ, orgTrail());
        Snapshot stopped = memberOfOrgTrail(TrailOwner.ENTERED_AND_READ, orgTrail().stopped());
        RuleContext loggingContext = RuleTester.context(logging);
        RuleContext stoppedContext = RuleTester.context(stopped);

        assertThat(new NoManagementEventTrail().notEvaluated(loggingContext)).isEmpty();
        assertThat(new NoLambdaDataEvents().notEvaluated(loggingContext)).isEmpty();
        assertThat(RuleTester.of(new NoManagementEventTrail()).run(logging)).isEmpty();
        assertThat(new NoManagementEventTrail().notEvaluated(stoppedContext)).isEmpty();
        assertThat(RuleTester.of(new NoManagementEventTrail()).run(stopped))
                .extracting(Violation::accountId).containsExactly(MANAGEMENT, MEMBER);
    }

    @Test
    void anOwnTrailWhoseSelectorsCouldNotBeReadIsNotEvaluated() {
        Trail unreadSelectors = new Trail("arn:aws:cloudtrail:us-east-1:" + MEMBER + ":trail/main", "main",
                Fixtures.REGION, true, false, true, null, null, null);
        Snapshot snapshot = member(r -> r.trail(unreadSelectors));
        RuleContext context = RuleTester.context(snapshot);

        assertThat(RuleTester.of(new NoManagementEventTrail()).run(snapshot)).isEmpty();
        assertThat(new NoManagementEventTrail().notEvaluated(context)).singleElement()
                .extracting(NotEvaluated::reason).asString().contains("trail main", "its status or event selectors could not be read");
        assertThat(RuleTester.of(new NoLambdaDataEvents()).run(snapshot)).isEmpty();
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
    private static Snapshot withOrgTrail(TrailBuilder organisationTrail) {
        Trail orgTrail = organisationTrail.build();
        Trail shadow = new Trail(orgTrail.arn(), orgTrail.name(), orgTrail.homeRegion(), true, true, null, null,
                orgTrail.managementEvents(), orgTrail.lambdaDataEvents());
        return Fixtures.org(o -> o
                .account(MANAGEMENT, a -> a.region(Fixtures.REGION, r -> r.trail(orgTrail).function("ops", f -> { })))
                .account(MEMBER, a -> a.region(EU, r -> r.trail(shadow).function("fn", f -> { }))));
    }


    /** The recorder {@code default}, recording Lambda functions, whose last delivery had {@code lastStatus}. */
    private static ConfigRecorder recorder(String lastStatus) {
        return new ConfigRecorder("default", true, true, ConfigRecorder.LastStatus.of(lastStatus));
    }

    private static ConfigRecorder recorderWithoutLambda() {
        return new ConfigRecorder("default", false, true, ConfigRecorder.LastStatus.SUCCESS);
    }

    private static Analyzer analyzer(String owner, String type, String status) {
        return new Analyzer("arn:aws:access-analyzer:us-east-1:" + owner + ":analyzer/a", "a", Analyzer.Type.of(type),
                Analyzer.Status.of(status));
    }
}
