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
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PrivilegeEscalationTest {

    static Snapshot inline(String action, String resource) {
        return Scenarios.role(r -> r.inline("p", identity(action, resource)));
    }

    static Stream<Arguments> cases() {
        String oneRole = quoted("arn:aws:iam::" + OWN + ":role/worker");
        return Stream.of(
                arguments("PassRole on *", inline(quoted("iam:PassRole"), quoted("*")), finding("role 'fn-role': inline policy 'p' allows iam:PassRole on *")),
                arguments("PassRole on one role", inline(quoted("iam:PassRole"), oneRole), none()),
                arguments("PassRole with NotResource", Scenarios.role(r -> r.inline("p",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"NotResource\":" + oneRole + "}]}")), finding("iam:PassRole on *")),
                arguments("CreatePolicyVersion anywhere", inline(quoted("iam:CreatePolicyVersion"), quoted("arn:aws:iam::" + OWN + ":policy/x")), finding("allows iam:CreatePolicyVersion")),
                arguments("Put*Policy wildcard", inline(quoted("iam:Put*Policy"), oneRole), finding("iam:PutRolePolicy, iam:PutUserPolicy, iam:PutGroupPolicy")),
                arguments("iam:* is cut short", inline(quoted("iam:*"), quoted("*")), finding("iam:PassRole on *, iam:CreatePolicy, iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:DeletePolicy, iam:AttachRolePolicy (+17 more)")),
                arguments("UpdateFunctionCode on *", inline(quoted("lambda:UpdateFunctionCode"), quoted("*")), finding("lambda:UpdateFunctionCode on *")),
                arguments("UpdateFunctionCode on one function", inline(quoted("lambda:UpdateFunctionCode"), quoted("arn:aws:lambda:us-east-1:" + OWN + ":function:fn")), none()),
                arguments("AssumeRole on *", inline(quoted("sts:AssumeRole"), quoted("*")), finding("sts:AssumeRole on *")),
                arguments("AssumeRole on one role", inline(quoted("sts:AssumeRole"), oneRole), none()),
                arguments("Allow NotAction iam:*", Scenarios.role(r -> r.inline("p",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}]}")),
                        finding("allows sts:AssumeRole on *, lambda:CreateFunction on *, lambda:UpdateFunctionCode on *, lambda:UpdateFunctionConfiguration on *")),
                arguments("* on * is LG-IAM-002's", inline(quoted("*"), quoted("*")), none()),
                arguments("read-only IAM", inline("[\"iam:Get*\",\"iam:List*\"]", quoted("*")), none()),
                arguments("Deny PassRole", Scenarios.role(r -> r.inline("p",
                        "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}]}")), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsEscalationPaths(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new PrivilegeEscalation(), snapshot));
    }
}
