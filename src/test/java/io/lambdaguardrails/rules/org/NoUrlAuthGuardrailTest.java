package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class NoUrlAuthGuardrailTest {

    static final RuleTester RULE = RuleTester.of(new NoUrlAuthGuardrail());

    static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    static String denyUrlNone(String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":" + actions
                + ",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}}]}";
    }

    /** An allow-list SCP: Allow of these actions only. */
    static String allowList(String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":\"*\"}]}";
    }

    static final String BOTH = denyUrlNone("[\"lambda:CreateFunctionUrlConfig\",\"lambda:UpdateFunctionUrlConfig\"]");

    /** Member {@link io.lambdaguardrails.rules.fixtures.Policies#OWN} under r-root > ou-prod, with the given SCPs. */
    static Snapshot member(Consumer<Fixtures.OrgBuilder> scps) {
        return Fixtures.org(o -> {
            o.scp("p-full", FULL_ACCESS, "r-root");
            scps.accept(o);
            o.account(OWN, a -> a.ou("r-root", "ou-prod"));
        });
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("only FullAWSAccess", member(o -> { }), finding("acct-" + OWN, MEDIUM, "no SCP on the account's path (r-root > ou-prod > " + OWN + ") denies function URLs with AuthType NONE; not denied: lambda:CreateFunctionUrlConfig, lambda:UpdateFunctionUrlConfig")),
                reportsNothing("deny at the root", member(o -> o.scp("p-url", BOTH, "r-root"))),
                reportsNothing("deny on the OU", member(o -> o.scp("p-url", BOTH, "ou-prod"))),
                reportsNothing("deny on the account", member(o -> o.scp("p-url", BOTH, OWN))),
                reports("deny on another OU", member(o -> o.scp("p-url", BOTH, "ou-sandbox")), finding("acct-" + OWN, MEDIUM, "not denied: lambda:CreateFunctionUrlConfig, lambda:UpdateFunctionUrlConfig")),
                reports("only create denied", member(o -> o.scp("p-url", denyUrlNone("\"lambda:CreateFunctionUrlConfig\""), "r-root")), finding("acct-" + OWN, MEDIUM, "not denied: lambda:UpdateFunctionUrlConfig")),
                reportsNothing("split over two SCPs", member(o -> o.scp("p-create", denyUrlNone("\"lambda:CreateFunctionUrlConfig\""), "r-root")
                        .scp("p-update", denyUrlNone("\"lambda:UpdateFunctionUrlConfig\""), "ou-prod"))),
                reportsNothing("wildcard action", member(o -> o.scp("p-url", denyUrlNone("\"lambda:*FunctionUrlConfig\""), "r-root"))),
                reports("denies only AWS_IAM", member(o -> o.scp("p-url", BOTH.replace("\"NONE\"", "\"AWS_IAM\""), "r-root")), finding("acct-" + OWN, MEDIUM, "not denied: lambda:CreateFunctionUrlConfig")),
                reportsNothing("an OU allow-list SCP in place of FullAWSAccess that never allows CreateFunctionUrlConfig blocks it", member(o -> o.scp("p-allow", allowList("[\"lambda:Invoke*\",\"lambda:Get*\",\"logs:*\"]"), "ou-prod"))),
                reports("an allow-list on the account that allows lambda:* leaves it open", member(o -> o.scp("p-allow", allowList("\"lambda:*\""), OWN)), finding("acct-" + OWN, MEDIUM, "not denied: lambda:CreateFunctionUrlConfig, lambda:UpdateFunctionUrlConfig")),
                reports("an allow-list that allows only create blocks update", member(o -> o.scp("p-allow", allowList("\"lambda:CreateFunctionUrlConfig\""), "ou-prod")), finding("acct-" + OWN, MEDIUM, "not denied: lambda:CreateFunctionUrlConfig")),
                reportsNothing("a Deny with a break-glass exception still binds ordinary principals", member(o -> o.scp("p-url",
                        BOTH.replace("{\"StringEquals\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"},\"StringEquals\""), "r-root"))),
                reports("a Deny only in some regions depends on the region", member(o -> o.scp("p-url",
                        BOTH.replace("{\"StringEquals\":{", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\","), "r-root")), finding("acct-" + OWN, MEDIUM, "not denied: lambda:CreateFunctionUrlConfig (depends on aws:RequestedRegion)")),
                reportsNothing("SCPs not read: not judged", member(Fixtures.OrgBuilder::scpsUnknown)),
                reportsNothing("malformed SCP on the path: not judged", member(o -> o.scp("p-bad", "{\"Statement\": [", "ou-prod"))),
                reports("malformed SCP elsewhere", member(o -> o.scp("p-bad", "{\"Statement\": [", "ou-sandbox")), finding("acct-" + OWN, MEDIUM, "not denied")),
                reportsNothing("organisation unavailable", Fixtures.org(o -> o.unavailable().account(OWN, a -> { }))),
                reportsNothing("account not assumable", Fixtures.org(o -> o.account(OWN, Fixtures.AccountBuilder::notAssumable))),
                reportsNothing("management account", Fixtures.org(o -> o.account(Fixtures.MANAGEMENT, a -> { }))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void looksForTheGuardrailOnTheAccountsPath(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void namesTheAccount() {
        Violation v = RULE.run(member(o -> { })).getFirst();
        assertThat(v.resourceArn()).isEqualTo("arn:aws:::account/" + OWN);
        assertThat(v.resourceName()).isEqualTo("acct-" + OWN);
        assertThat(v.region()).isEqualTo("global");
        assertThat(v.related()).containsExactly("r-root", "ou-prod", OWN);
    }
}
