package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExtraTrustedPrincipalTest {

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

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("Lambda only", trusting(trust()), none()),
                arguments("Lambda and Lambda@Edge", trusting(trust(assume("{\"Service\":[\"edgelambda.amazonaws.com\"]}"))), none()),
                arguments("foreign account", trusting(trust(assume("{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":root\"}"))),
                        finding("can also be assumed by " + FOREIGN + " (outside the organisation); granted by trust policy statement #2")),
                arguments("sister account role", trusting(trust(assume("{\"AWS\":\"arn:aws:iam::" + SISTER + ":role/ci\"}"))),
                        finding("arn:aws:iam::" + SISTER + ":role/ci").severity(Severity.MEDIUM)),
                arguments("own account", trusting(trust(assume("\"" + OWN + "\""))), finding(OWN).severity(Severity.MEDIUM)),
                arguments("another service in the same statement", trusting("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"lambda.amazonaws.com\",\"ec2.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}"),
                        finding("by ec2.amazonaws.com").severity(Severity.MEDIUM)),
                arguments("anyone", trusting(trust(assume("{\"AWS\":\"*\"}"))), finding("by Principal *")),
                arguments("anyone in our organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-test\"}}}")),
                        finding("o-test (the organisation)").severity(Severity.MEDIUM)),
                arguments("web identity", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"accounts.google.com\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}")),
                        finding("accounts.google.com (external identity provider)")),
                arguments("GitHub's OIDC provider registered in our account is still outside the organisation",
                        trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + GITHUB + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}")),
                        finding("oidc-provider/token.actions.githubusercontent.com (external identity provider)")),
                arguments("GitHub's OIDC provider limited to one repository depends on the token and is still outside the organisation",
                        trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + GITHUB + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                                + "\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme/payments:*\"}}}")),
                        finding("(external identity provider) (depends on token.actions.githubusercontent.com:sub)")),
                arguments("a SAML provider is outside the organisation", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" + OWN
                                + ":saml-provider/okta\"},\"Action\":\"sts:AssumeRoleWithSAML\"}")),
                        finding("saml-provider/okta (external identity provider)")),
                arguments("a foreign account needing an ExternalId is still outside, and names the key",
                        trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x1\"}}}")),
                        finding(FOREIGN + " (outside the organisation) (depends on sts:ExternalId)")),
                arguments("a foreign account allowed and then denied by the trust policy cannot assume it",
                        trusting(trust(assume("\"" + FOREIGN + "\""), "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\"}")),
                        none()),
                arguments("deleted principal", trusting(trust(assume("{\"AWS\":\"AROAEXAMPLEID12345678\"}"))), finding("a deleted principal 'AROAEXAMPLEID12345678'").severity(Severity.MEDIUM)),
                arguments("foreign and service: worst wins", trusting(trust(assume("{\"Service\":\"ec2.amazonaws.com\"}"), assume("\"" + FOREIGN + "\""))),
                        finding("by " + FOREIGN + " (outside the organisation), ec2.amazonaws.com")),
                arguments("extra principal may only tag sessions", trusting(trust("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:TagSession\"}")), none()),
                arguments("extra principal denied", trusting(trust("{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"Action\":\"sts:AssumeRole\"}")), none()),
                arguments("malformed trust policy", trusting("{\"Statement\": 3}"), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesTrustPolicies(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new ExtraTrustedPrincipal(), snapshot));
    }

    @Test
    void anotherAccountIsHighWhenTheOrganisationIsUnknown() {
        Snapshot snapshot = Fixtures.org(o -> o.unavailable().account(OWN, a -> a
                .role("fn-role", r -> r.trust(trust(assume("\"" + SISTER + "\""))))
                .region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        finding(SISTER + " (organisation unknown)").verify(RuleRun.run(new ExtraTrustedPrincipal(), snapshot));
        assertThat(ExtraTrustedPrincipal.META.defaultSeverity()).isEqualTo(Severity.HIGH);
    }
}
