package io.lambdaguardrails.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Named cases: each example of a wrong access judgement, with the answer AWS gives. */
class AccessEvaluatorTest {

    private static final String ACCOUNT = "111111111111";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/app";
    private static final RequestPrincipal SESSION = RequestPrincipal.sessionOf(ROLE, "fn");
    private static final String ADMIN = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";
    private static final String DENY_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}""";

    private static NamedPolicy policy(String name, String json) throws PolicyParseException {
        return new NamedPolicy(name, PolicyDocument.parse(json));
    }

    private static Evaluation ask(PolicySet policies, String action, String resource) {
        return AccessEvaluator.evaluate(policies, AccessRequest.of(SESSION, action, resource, RequestContext.open()));
    }

    @Test
    void administratorAccessCappedByALogsOnlyBoundaryIsNotAdministrator() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("AdministratorAccess", ADMIN)))
                .withBoundary(policy("LogsOnly", """
                        {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}"""));
        assertThat(ask(role, "iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/x").decision()).isEqualTo(Decision.DENIED);
        assertThat(ask(role, "logs:PutLogEvents", "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:g:log-stream:s").decision())
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void administratorAccessWithDenyAllIsDenied() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("AdministratorAccess", ADMIN), policy("AWSDenyAll", DENY_ALL)));
        Evaluation e = ask(role, "s3:GetObject", "arn:aws:s3:::bucket/key");
        assertThat(e.decision()).isEqualTo(Decision.DENIED);
        assertThat(e.denying()).extracting(StatementRef::policy).containsExactly("AWSDenyAll");
    }

    @Test
    void passRoleOnARolePatternIsEscalation() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("pass", """
                {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111111111111:role/*"}]}""")));
        Evaluation e = ask(role, "iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/any-admin-role");
        assertThat(e.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(e.granting()).extracting(StatementRef::describe).containsExactly("identity policy \"pass\" statement 1");
    }

    @Test
    void updateFunctionCodeOnEveryRegionPatternReachesAnyFunction() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("deploy", """
                {"Statement": [{"Effect": "Allow", "Action": "lambda:UpdateFunctionCode",
                                "Resource": "arn:aws:lambda:*:111111111111:function:*"}]}""")));
        assertThat(ask(role, "lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:other").allowed()).isTrue();
    }

    @Test
    void assumeRoleOnEveryAccountsRolesIsAllowedOnAForeignRole() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("assume", """
                {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/*"}]}""")));
        assertThat(ask(role, "sts:AssumeRole", "arn:aws:iam::" + ACCOUNT + ":role/admin").allowed()).isTrue();
    }

    @Test
    void aDenyCarvingTheGrantBackToOneFunctionLeavesOnlyThatFunction() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("deploy", """
                {"Statement": [
                  {"Effect": "Allow", "Action": "lambda:UpdateFunctionCode", "Resource": "*"},
                  {"Effect": "Deny", "Action": "lambda:UpdateFunctionCode",
                   "NotResource": "arn:aws:lambda:eu-west-1:111111111111:function:self"}]}""")));
        assertThat(ask(role, "lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:other").denied()).isTrue();
        assertThat(ask(role, "lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:self").allowed()).isTrue();
    }

    @Test
    void everythingConditionedOnTheRequestedRegionDependsOnThatKeyOnly() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("regional", """
                {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
                                "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}""")));
        Evaluation e = ask(role, "iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/x");
        assertThat(e.decision()).isEqualTo(Decision.DEPENDS_ON_CONTEXT);
        assertThat(e.dependsOn()).containsExactly("aws:RequestedRegion");
        assertThat(e.granting()).singleElement().extracting(StatementRef::conditional).isEqualTo(true);
    }

    @Test
    void allowEverythingWithNotResourceOneBucketStillAllowsEverythingElse() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("almost", """
                {"Statement": [{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit-bucket/*"}]}""")));
        assertThat(ask(role, "iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/x").allowed()).isTrue();
        assertThat(ask(role, "s3:GetObject", "arn:aws:s3:::audit-bucket/log").denied()).isTrue();
    }

    @Test
    void anOuAllowListWithoutTheActionBlocksItEvenUnderFullAwsAccessAtTheRoot() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("AdministratorAccess", ADMIN))).withScps(List.of(
                new ScpLevel("r-root", List.of(policy("FullAWSAccess", ADMIN))),
                new ScpLevel("ou-workloads", List.of(policy("AllowList", """
                        {"Statement": [{"Effect": "Allow", "Action": ["lambda:Get*", "lambda:InvokeFunction", "logs:*"], "Resource": "*"}]}"""))),
                new ScpLevel(ACCOUNT, List.of(policy("FullAWSAccess", ADMIN)))));
        String function = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:f";
        assertThat(ask(role, "lambda:CreateFunctionUrlConfig", function).denied()).isTrue();
        assertThat(ask(role, "lambda:InvokeFunction", function).allowed()).isTrue();
    }

    @Test
    void anAliasPolicyGrantingEveryoneLetsAnAnonymousCallerInvokeTheAlias() throws Exception {
        PolicySet alias = PolicySet.resource(policy("live", """
                {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction",
                                "Resource": "arn:aws:lambda:eu-west-1:111111111111:function:f:live"}]}"""));
        String qualified = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:f:live";
        assertThat(AccessEvaluator.evaluate(alias, AccessRequest.of(RequestPrincipal.anonymous(), "lambda:InvokeFunction",
                qualified, RequestContext.open())).allowed()).isTrue();
        assertThat(AccessEvaluator.evaluate(alias, AccessRequest.of(RequestPrincipal.anonymous(), "lambda:InvokeFunction",
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:f", RequestContext.open())).denied()).isTrue();
    }

    @Test
    void aForeignOidcProviderCanAssumeTheRoleThroughItsTrustPolicy() throws Exception {
        PolicySet trust = PolicySet.resource(policy("trust", """
                {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                  "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
                  "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]}"""));
        Evaluation e = AccessEvaluator.evaluate(trust, AccessRequest.of(
                RequestPrincipal.federated("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"),
                "sts:AssumeRoleWithWebIdentity", ROLE, RequestContext.open()));
        assertThat(e.decision()).isEqualTo(Decision.DEPENDS_ON_CONTEXT);
        assertThat(e.dependsOn()).containsExactly("token.actions.githubusercontent.com:sub");
    }

    @Test
    void policyVariablesWithUnknownValuesDependOnContextAndResolveWhenKnown() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("own-prefix", """
                {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                "Resource": "arn:aws:s3:::home/${aws:PrincipalTag/team}/*"}]}""")));
        AccessRequest request = new AccessRequest(SESSION, "s3:GetObject", "arn:aws:s3:::home/payments/x", ACCOUNT, RequestContext.open());
        Evaluation open = AccessEvaluator.evaluate(role, request);
        assertThat(open.decision()).isEqualTo(Decision.DEPENDS_ON_CONTEXT);
        assertThat(open.dependsOn()).containsExactly("aws:PrincipalTag/team");
        assertThat(AccessEvaluator.evaluate(role, request.withContext(
                RequestContext.complete(Map.of("aws:PrincipalTag/team", List.of("payments"))))).allowed()).isTrue();
        assertThat(AccessEvaluator.evaluate(role, request.withContext(
                RequestContext.complete(Map.of("aws:PrincipalTag/team", List.of("data"))))).denied()).isTrue();
    }

    @Test
    void crossAccountNeedsBothTheIdentityPolicyAndTheResourcePolicy() throws Exception {
        String function = "arn:aws:lambda:eu-west-1:222222222222:function:f";
        NamedPolicy resource = policy("resource", """
                {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "lambda:InvokeFunction", "Resource": "*"}]}""");
        NamedPolicy identity = policy("invoke", """
                {"Statement": [{"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "*"}]}""");
        assertThat(ask(PolicySet.identity(List.of(identity)), "lambda:InvokeFunction", function).denied()).isTrue();
        assertThat(ask(PolicySet.resource(resource), "lambda:InvokeFunction", function).denied()).isTrue();
        assertThat(ask(PolicySet.identity(List.of(identity)).withResource(resource), "lambda:InvokeFunction", function).allowed()).isTrue();
    }

    @Test
    void conditionOperatorsWithAKnownContext() throws Exception {
        PolicySet role = PolicySet.identity(List.of(policy("conditions", """
                {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {
                  "IpAddress": {"aws:SourceIp": "10.0.0.0/8"},
                  "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"},
                  "DateGreaterThan": {"aws:CurrentTime": "2025-01-01T00:00:00Z"},
                  "Bool": {"aws:SecureTransport": "true"},
                  "ForAllValues:StringEquals": {"aws:TagKeys": ["owner", "env"]}}}]}""")));
        Map<String, List<String>> ok = Map.of("aws:SourceIp", List.of("10.1.2.3"), "aws:MultiFactorAuthAge", List.of("60"),
                "aws:CurrentTime", List.of("2026-12-02T06:00:00Z"), "aws:SecureTransport", List.of("true"),
                "aws:TagKeys", List.of("owner"));
        AccessRequest request = new AccessRequest(SESSION, "s3:GetObject", "arn:aws:s3:::b/k", ACCOUNT, RequestContext.complete(ok));
        assertThat(AccessEvaluator.evaluate(role, request).allowed()).isTrue();
        var badTag = new java.util.HashMap<>(ok);
        badTag.put("aws:TagKeys", List.of("owner", "secret"));
        assertThat(AccessEvaluator.evaluate(role, request.withContext(RequestContext.complete(badTag))).denied()).isTrue();
        var outside = new java.util.HashMap<>(ok);
        outside.put("aws:SourceIp", List.of("192.168.0.1"));
        assertThat(AccessEvaluator.evaluate(role, request.withContext(RequestContext.complete(outside))).denied()).isTrue();
    }
}
