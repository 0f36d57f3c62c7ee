package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExtraTrustedPrincipalTest {

    static final RuleTester RULE = RuleTester.of(new ExtraTrustedPrincipal());

    static final String LAMBDA = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}";

    static final String GITHUB = "arn:aws:iam::" + OWN + ":oidc-provider/token.actions.githubusercontent.com";

    static String trust(String... extra) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + LAMBDA + (extra.length == 0 ? "" : "," + String.join(",", extra)) + "]}";
    }

    static String assume(String principal) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"}";
    }

    static Snapshot trusting(String document) {
        return Scenarios.role(r -> r.trust(document));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reportsNothing("Lambda only", trusting(trust())),
                reportsNothing("Lambda and Lambda@Edge", trusting(trust(assume("{\"Service\":[\"edgelambda.amazonaws.com\"]}")))),
                reports("foreign account", trusting(trust(assume("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":root\"}"))), finding("fn", HIGH, "can also be assumed by " + FOREIGN + " (outside the organisation); granted by trust policy statement #2")),
                reports("sister account role", trusting(trust(assume("{\"AWS\":\"arn:aws:iam::" + SISTER + ":role/ci\"}"))), finding("fn", MEDIUM, "arn:aws:iam::" + SISTER + ":role/ci")),
                reports("own account", trusting(trust(assume("\"" + OWN + "\""))), finding("fn", MEDIUM, OWN)),
                reports("another service in the same statement", trusting("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"lambda.amazonaws.com\",\"ec2.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}"), finding("fn", MEDIUM, "by ec2.amazonaws.com")),
                reports("anyone", trusting(trust(assume("{\"AWS\":\"*\"}"))), finding("fn", HIGH, "by Principal *")),
                reports("anyone in our organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-test\"}}}")), finding("fn", MEDIUM, "o-test (the organisation)")),
                reports("web identity", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"accounts.google.com\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}")), finding("fn", HIGH, "accounts.google.com (external identity provider)")),
                reports("GitHub's OIDC provider registered in our account is still outside the organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + GITHUB + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}")), finding("fn", HIGH, "oidc-provider/token.actions.githubusercontent.com (external identity provider)")),
                reports("GitHub's OIDC provider limited to one repository depends on the token and is still outside the organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + GITHUB + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                                + "\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme/payments:*\"}}}")), finding("fn", HIGH, "(external identity provider) (depends on token.actions.githubusercontent.com:sub)")),
                reports("a SAML provider is outside the organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" + OWN
                                + ":saml-provider/okta\"},\"Action\":\"sts:AssumeRoleWithSAML\"}")), finding("fn", HIGH, "saml-provider/okta (external identity provider)")),
                reports("a foreign account needing an ExternalId is still outside, and names the key", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x1\"}}}")), finding("fn", HIGH, FOREIGN + " (outside the organisation) (depends on sts:ExternalId)")),
                reportsNothing("a foreign account allowed and then denied by the trust policy cannot assume it", trusting(trust(assume("\"" + FOREIGN + "\""), "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\"}"))),
                reports("deleted principal", trusting(trust(assume("{\"AWS\":\"AROAEXAMPLEID12345678\"}"))), finding("fn", MEDIUM, "a deleted principal 'AROAEXAMPLEID12345678'")),
                reports("foreign and service: worst wins", trusting(trust(assume("{\"Service\":\"ec2.amazonaws.com\"}"), assume("\"" + FOREIGN + "\""))), finding("fn", HIGH, "by " + FOREIGN + " (outside the organisation), ec2.amazonaws.com")),
                reportsNothing("extra principal may only tag sessions", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:TagSession\"}"))),
                reportsNothing("extra principal denied", trusting(trust("{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\"}"))),
                reportsNothing("malformed trust policy", trusting("{\"Statement\": 3}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTrustPolicies(RuleCase c) {
        RULE.check(c);
    }

    static Stream<Arguments> unread() {
        return Stream.of(
                arguments("a trust policy that does not parse", trusting("{\"Statement\": 3}"),
                        "not read: trust policy (does not parse) of role 'fn-role' (function 'fn')"),
                arguments("no trust policy", trusting(null), "not read: trust policy of role 'fn-role' (function 'fn')"),
                arguments("a role not in IAM", Scenarios.inOrg(f -> f.roleNotInIam("fn-role")), "not read: role 'fn-role' (function 'fn') not in IAM"),
                arguments("a readable trust policy that trusts another account", trusting(trust(assume("\"" + FOREIGN + "\""))), null),
                arguments("a readable trust policy of Lambda only", trusting(trust()), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unread")
    void saysWhichRolesItCouldNotJudge(String name, Snapshot snapshot, String reason) {
        List<NotEvaluated> expected = reason == null ? List.of()
                : List.of(new NotEvaluated(ExtraTrustedPrincipal.META.id(), OWN, Fixtures.REGION, reason));
        assertThat(RULE.notEvaluated(snapshot)).isEqualTo(expected);
    }

    @Test
    void anotherAccountIsHighWhenTheOrganisationIsUnknown() {
        Snapshot snapshot = Fixtures.org(o -> o.unavailable().account(OWN, a -> a
                .role("fn-role", r -> r.trust(trust(assume("\"" + SISTER + "\""))))
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        RULE.expect(snapshot, finding("fn", HIGH, SISTER + " (organisation unknown)"));
        assertThat(ExtraTrustedPrincipal.META.defaultSeverity()).isEqualTo(Severity.HIGH);
    }
}
