package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.customerPolicy;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.underScps;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;

class PrivilegeEscalationTest {

    static final RuleTester RULE = RuleTester.of(new PrivilegeEscalation());

    static final String FN = "arn:aws:lambda:us-east-1:" + OWN + ":function:fn";

    static Snapshot inline(String action, String resource) {
        return Scenarios.role(r -> r.inline("p", identity(action, resource)));
    }

    static Snapshot inline(String... statements) {
        return Scenarios.role(r -> r.inline("p", policy(statements)));
    }

    static Stream<RuleCase> cases() {
        String oneRole = quoted("arn:aws:iam::" + OWN + ":role/worker");
        return Stream.of(
                reports("PassRole on *", inline(quoted("iam:PassRole"), quoted("*")), finding("fn", HIGH, "role 'fn-role' can raise its privileges: iam:PassRole on *; granted by inline policy 'p' statement #1")),
                reportsNothing("PassRole on one role", inline(quoted("iam:PassRole"), oneRole)),
                reports("PassRole with NotResource", inline("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"NotResource\":" + oneRole + "}"), finding("fn", HIGH, "iam:PassRole on *")),
                reports("iam:PassRole on arn:aws:iam::ACCT:role/* is escalation", inline(quoted("iam:PassRole"), quoted("arn:aws:iam::" + OWN + ":role/*")), finding("fn", HIGH, "iam:PassRole on arn:aws:iam::" + OWN + ":role/*")),
                reports("lambda:UpdateFunctionCode on arn:aws:lambda:*:ACCT:function:* is escalation", inline(quoted("lambda:UpdateFunctionCode"), quoted("arn:aws:lambda:*:" + OWN + ":function:*")), finding("fn", HIGH, "lambda:UpdateFunctionCode on arn:aws:lambda:*:" + OWN + ":function:*")),
                reports("sts:AssumeRole on arn:aws:iam::*:role/* is escalation", inline(quoted("sts:AssumeRole"), quoted("arn:aws:iam::*:role/*")), finding("fn", HIGH, "sts:AssumeRole on arn:aws:iam::*:role/*")),
                reportsNothing("UpdateFunctionCode on * with a Deny that carves it back to the function itself is not escalation", inline("{\"Effect\":\"Allow\",\"Action\":\"lambda:UpdateFunctionCode\",\"Resource\":\"*\"}",
                                "{\"Effect\":\"Deny\",\"Action\":\"lambda:UpdateFunctionCode\",\"NotResource\":\"" + FN + "\"}")),
                reportsNothing("UpdateFunctionCode on the function pattern with a Deny on every other function is not escalation", inline("{\"Effect\":\"Allow\",\"Action\":\"lambda:UpdateFunctionCode\",\"Resource\":\"arn:aws:lambda:*:" + OWN + ":function:*\"}",
                                "{\"Effect\":\"Deny\",\"Action\":\"lambda:*\",\"NotResource\":[\"" + FN + "\",\"" + FN + ":*\"]}")),
                reports("PassRole on role/* only to Lambda is still escalation, and names the condition", inline("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::" + OWN + ":role/*\","
                                + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}}"), finding("fn", HIGH, "iam:PassRole on arn:aws:iam::" + OWN + ":role/* (depends on iam:PassedToService)")),
                reportsNothing("PassRole on * capped by a boundary without IAM is not escalation", Scenarios.account(a -> a.customerManagedPolicy(customerPolicy("no-iam"),
                                        policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"))
                                .role("fn-role", r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*"))).boundary(customerPolicy("no-iam"))))),
                reportsNothing("PassRole on * denied by an SCP on the OU is not escalation", underScps(o -> o.scp("p-no-passrole", policy("{\"Effect\":\"Deny\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}"), "ou-prod"),
                                r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*"))))),
                reports("CreatePolicyVersion anywhere", inline(quoted("iam:CreatePolicyVersion"), quoted("arn:aws:iam::" + OWN + ":policy/x")), finding("fn", HIGH, "iam:CreatePolicyVersion on arn:aws:iam::" + OWN + ":policy/x")),
                reports("Put*Policy wildcard", inline(quoted("iam:Put*Policy"), oneRole), finding("fn", HIGH, "iam:PutRolePolicy on arn:aws:iam::" + OWN + ":role/worker, iam:PutUserPolicy on")),
                reports("iam:* is cut short", inline(quoted("iam:*"), quoted("*")), finding("fn", HIGH, "iam:PassRole on *, iam:CreatePolicy on *, iam:CreatePolicyVersion on *, iam:SetDefaultPolicyVersion on *, iam:DeletePolicy on *, iam:AttachRolePolicy on * (+17 more)")),
                reports("UpdateFunctionCode on *", inline(quoted("lambda:UpdateFunctionCode"), quoted("*")), finding("fn", HIGH, "lambda:UpdateFunctionCode on *")),
                reportsNothing("UpdateFunctionCode on one function", inline(quoted("lambda:UpdateFunctionCode"), quoted(FN))),
                reports("AssumeRole on *", inline(quoted("sts:AssumeRole"), quoted("*")), finding("fn", HIGH, "sts:AssumeRole on *")),
                reportsNothing("AssumeRole on one role", inline(quoted("sts:AssumeRole"), oneRole)),
                reports("Allow NotAction iam:*", inline("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}"), finding("fn", HIGH, "can raise its privileges: sts:AssumeRole on *, lambda:CreateFunction on *, lambda:UpdateFunctionCode on *, lambda:UpdateFunctionConfiguration on *;")),
                reportsNothing("an administrator role is LG-IAM-002's", underScps(o -> { }, r -> r.attached(ADMINISTRATOR_ACCESS))),
                reportsNothing("read-only IAM", inline("[\"iam:Get*\",\"iam:List*\"]", quoted("*"))),
                reportsNothing("Deny PassRole", inline("{\"Effect\":\"Deny\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}")),
                reportsNothing("an attached policy not collected: not judged", Scenarios.role(r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*")))
                        .attached(customerPolicy("missing")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsEscalationPaths(RuleCase c) {
        RULE.check(c);
    }
}
