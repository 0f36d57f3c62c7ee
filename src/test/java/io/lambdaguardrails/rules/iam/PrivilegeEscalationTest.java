package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.customerPolicy;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.underScps;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PrivilegeEscalationTest {

    static final String FN = "arn:aws:lambda:us-east-1:" + OWN + ":function:fn";

    static Snapshot inline(String action, String resource) {
        return Scenarios.role(r -> r.inline("p", identity(action, resource)));
    }

    static Snapshot inline(String... statements) {
        return Scenarios.role(r -> r.inline("p", policy(statements)));
    }

    static Stream<Arguments> cases() {
        String oneRole = quoted("arn:aws:iam::" + OWN + ":role/worker");
        return Stream.of(
                arguments("PassRole on *", inline(quoted("iam:PassRole"), quoted("*")),
                        finding("role 'fn-role' can raise its privileges: iam:PassRole on *; granted by inline policy 'p' statement #1")),
                arguments("PassRole on one role", inline(quoted("iam:PassRole"), oneRole), none()),
                arguments("PassRole with NotResource", inline("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"NotResource\":" + oneRole + "}"),
                        finding("iam:PassRole on *")),
                arguments("iam:PassRole on arn:aws:iam::ACCT:role/* is escalation", inline(quoted("iam:PassRole"), quoted("arn:aws:iam::" + OWN + ":role/*")),
                        finding("iam:PassRole on arn:aws:iam::" + OWN + ":role/*")),
                arguments("lambda:UpdateFunctionCode on arn:aws:lambda:*:ACCT:function:* is escalation",
                        inline(quoted("lambda:UpdateFunctionCode"), quoted("arn:aws:lambda:*:" + OWN + ":function:*")),
                        finding("lambda:UpdateFunctionCode on arn:aws:lambda:*:" + OWN + ":function:*")),
                arguments("sts:AssumeRole on arn:aws:iam::*:role/* is escalation", inline(quoted("sts:AssumeRole"), quoted("arn:aws:iam::*:role/*")),
                        finding("sts:AssumeRole on arn:aws:iam::*:role/*")),
                arguments("UpdateFunctionCode on * with a Deny that carves it back to the function itself is not escalation",
                        inline("{\"Effect\":\"Allow\",\"Action\":\"lambda:UpdateFunctionCode\",\"Resource\":\"*\"}",
                                "{\"Effect\":\"Deny\",\"Action\":\"lambda:UpdateFunctionCode\",\"NotResource\":\"" + FN + "\"}"), none()),
                arguments("UpdateFunctionCode on the function pattern with a Deny on every other function is not escalation",
                        inline("{\"Effect\":\"Allow\",\"Action\":\"lambda:UpdateFunctionCode\",\"Resource\":\"arn:aws:lambda:*:" + OWN + ":function:*\"}",
                                "{\"Effect\":\"Deny\",\"Action\":\"lambda:*\",\"NotResource\":[\"" + FN + "\",\"" + FN + ":*\"]}"), none()),
                arguments("PassRole on role/* only to Lambda is still escalation, and names the condition",
                        inline("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::" + OWN + ":role/*\","
                                + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}}"),
                        finding("iam:PassRole on arn:aws:iam::" + OWN + ":role/* (depends on iam:PassedToService)")),
                arguments("PassRole on * capped by a boundary without IAM is not escalation",
                        Scenarios.account(a -> a.managedPolicy(customerPolicy("no-iam"), false,
                                        policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"))
                                .role("fn-role", r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*"))).boundary(customerPolicy("no-iam")))),
                        none()),
                arguments("PassRole on * denied by an SCP on the OU is not escalation",
                        underScps(o -> o.scp("p-no-passrole", policy("{\"Effect\":\"Deny\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}"), "ou-prod"),
                                r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*")))), none()),
                arguments("CreatePolicyVersion anywhere", inline(quoted("iam:CreatePolicyVersion"), quoted("arn:aws:iam::" + OWN + ":policy/x")),
                        finding("iam:CreatePolicyVersion on arn:aws:iam::" + OWN + ":policy/x")),
                arguments("Put*Policy wildcard", inline(quoted("iam:Put*Policy"), oneRole),
                        finding("iam:PutRolePolicy on arn:aws:iam::" + OWN + ":role/worker, iam:PutUserPolicy on")),
                arguments("iam:* is cut short", inline(quoted("iam:*"), quoted("*")),
                        finding("iam:PassRole on *, iam:CreatePolicy on *, iam:CreatePolicyVersion on *, iam:SetDefaultPolicyVersion on *, iam:DeletePolicy on *, iam:AttachRolePolicy on * (+17 more)")),
                arguments("UpdateFunctionCode on *", inline(quoted("lambda:UpdateFunctionCode"), quoted("*")), finding("lambda:UpdateFunctionCode on *")),
                arguments("UpdateFunctionCode on one function", inline(quoted("lambda:UpdateFunctionCode"), quoted(FN)), none()),
                arguments("AssumeRole on *", inline(quoted("sts:AssumeRole"), quoted("*")), finding("sts:AssumeRole on *")),
                arguments("AssumeRole on one role", inline(quoted("sts:AssumeRole"), oneRole), none()),
                arguments("Allow NotAction iam:*", inline("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}"),
                        finding("can raise its privileges: sts:AssumeRole on *, lambda:CreateFunction on *, lambda:UpdateFunctionCode on *, lambda:UpdateFunctionConfiguration on *;")),
                arguments("an administrator role is LG-IAM-002's", underScps(o -> { }, r -> r.attached(ADMINISTRATOR_ACCESS)), none()),
                arguments("read-only IAM", inline("[\"iam:Get*\",\"iam:List*\"]", quoted("*")), none()),
                arguments("Deny PassRole", inline("{\"Effect\":\"Deny\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}"), none()),
                arguments("an attached policy not collected: not judged", Scenarios.role(r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*")))
                        .attached(customerPolicy("missing"))), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsEscalationPaths(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new PrivilegeEscalation(), snapshot));
    }
}
