package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Effect;
import io.lambdaguardrails.policy.PolicyKind;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RoleScenarios;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.ADMINISTRATOR_ACCESS;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.orgUnavailable;
import static io.lambdaguardrails.rules.fixtures.RoleScenarios.role;
import static org.assertj.core.api.Assertions.assertThat;

class RoleAccessTest {

    static final String ROLE = "arn:aws:iam::" + OWN + ":role/fn-role";

    static Optional<RoleAccess> access(Snapshot snapshot) {
        RuleContext context = RuleTester.context(snapshot);
        return context.functions().findFirst().flatMap(scope -> RoleAccess.of(context, scope));
    }

    @Test
    @DisplayName("an escalation grant names the resource pattern, the decision and the granting statement")
    void escalationNamesPatternAndStatement() {
        String passRole = policy("{\"Sid\":\"Pass\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::" + OWN + ":role/*\"}");
        RoleAccess access = access(role(r -> r.inline("p", passRole))).orElseThrow();
        assertThat(access.roleArn()).isEqualTo(ROLE);
        assertThat(access.scps()).isEqualTo(ScpPath.Status.APPLIED);
        assertThat(access.capabilities()).containsExactly(new Capability(CapabilityKind.PRIVILEGE_ESCALATION, "iam:PassRole",
                "arn:aws:iam::" + OWN + ":role/*", Decision.ALLOWED, List.of(),
                List.of(new StatementRef(PolicyKind.IDENTITY, "p", 1, "Pass", Effect.ALLOW, false))));
    }

    @Test
    @DisplayName("data access lists each data action on the resources the policies grant it on")
    void dataAccess() {
        RoleAccess access = access(role(r -> r.inline("q", identity("[\"sqs:ReceiveMessage\",\"s3:GetObject\"]",
                "[\"arn:aws:sqs:us-east-1:" + OWN + ":jobs\",\"arn:aws:s3:::reports/*\"]")))).orElseThrow();
        assertThat(access.capabilities(CapabilityKind.DATA_ACCESS)).extracting(Capability::describe)
                .containsExactly("s3:GetObject on arn:aws:s3:::reports/*", "sqs:ReceiveMessage on arn:aws:sqs:us-east-1:" + OWN + ":jobs");
    }

    @Test
    @DisplayName("an administrator is one capability, not every action listed as escalation")
    void administrator() {
        RoleAccess access = access(role(r -> r.attached(ADMINISTRATOR_ACCESS))).orElseThrow();
        assertThat(access.administrator()).hasValueSatisfying(c -> {
            assertThat(c.decision()).isEqualTo(Decision.ALLOWED);
            assertThat(c.statements()).extracting(StatementRef::policy).containsExactly(ADMINISTRATOR_ACCESS);
        });
    }

    @Test
    @DisplayName("without Organizations the role is judged on its own policies, and says SCPs were not evaluated")
    void organisationUnknown() {
        assertThat(access(orgUnavailable(r -> r)).orElseThrow().scps()).isEqualTo(ScpPath.Status.ORGANIZATIONS_NOT_READ);
    }

    @Test
    @DisplayName("nothing when IAM was not collected, or a document of the role was not")
    void notCollected() {
        assertThat(access(Fixtures.org(o -> o.account(OWN, a -> a.notAssumable())))).isEmpty();
        assertThat(access(role(r -> r.attached("arn:aws:iam::" + OWN + ":policy/not-collected")))).isEmpty();
    }

    @Test
    @DisplayName("computed once per role and region for all the rules that ask")
    void cachedPerRole() {
        Snapshot snapshot = role(r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*"))));
        RuleContext context = RuleTester.context(snapshot);
        var scope = context.functions().findFirst().orElseThrow();
        assertThat(RoleAccess.of(context, scope).orElseThrow()).isSameAs(RoleAccess.of(context, scope).orElseThrow());
    }

    @Test
    @DisplayName("a role's documents, trust and SCP path are read once for all the functions that share it")
    void sharedRoleReadOnce() {
        Snapshot snapshot = Fixtures.org(o -> o.scp("p-FullAWSAccess", RoleScenarios.FULL_AWS_ACCESS, "r-root")
                .account(OWN, a -> a.ou("r-root").role("fn-role", r -> r.inline("p", identity(quoted("iam:PassRole"), quoted("*"))))
                        .region(Fixtures.REGION, r -> r.function("fn", f -> { }).function("other", f -> f.role("fn-role")))));
        RuleContext context = RuleTester.context(snapshot);
        List<RuleContext.FunctionScope> both = context.functions().toList();
        assertThat(both).hasSize(2);
        RolePolicies first = RolePolicies.of(context, both.get(0)).orElseThrow();
        assertThat(RolePolicies.of(context, both.get(1)).orElseThrow()).isSameAs(first);
        assertThat(first.scps()).isSameAs(ScpPath.of(context, OWN));
        assertThat(RoleTrust.of(context, both.get(1)).orElseThrow()).isSameAs(RoleTrust.of(context, both.get(0)).orElseThrow());
        assertThat(RolePolicies.of(RuleTester.context(snapshot), both.get(0)).orElseThrow())
                .as("another evaluation reads it again").isNotSameAs(first).isEqualTo(first);
    }
}
