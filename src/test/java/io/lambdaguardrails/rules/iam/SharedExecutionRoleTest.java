package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static org.assertj.core.api.Assertions.assertThat;

class SharedExecutionRoleTest {

    static final String SHARED_ARN = "arn:aws:iam::" + OWN + ":role/shared";

    @Test
    void reportsEveryFunctionOfASharedRoleAcrossRegions() {
        var snapshot = Fixtures.org(o -> o.account(OWN, a -> a
                .region("us-east-1", r -> r.function("a", f -> f.role("shared")).function("b", f -> f.role("shared")))
                .region("eu-west-1", r -> r.function("c", f -> f.role("shared")).function("solo", f -> { }))));
        List<Violation> violations = RuleTester.of(new SharedExecutionRole()).run(snapshot);
        assertThat(violations).extracting(Violation::resourceName).containsExactly("a", "b", "c");
        Violation a = violations.getFirst();
        assertThat(a.detail()).isEqualTo("role 'shared' is also the execution role of 2 other function(s): 'b' (us-east-1), 'c' (eu-west-1)");
        assertThat(a.related()).containsExactly(SHARED_ARN,
                "arn:aws:lambda:us-east-1:" + OWN + ":function:b", "arn:aws:lambda:eu-west-1:" + OWN + ":function:c");
        assertThat(a.severity()).isNull();
    }

    @Test
    void functionsWithTheirOwnRolesAreFine() {
        var snapshot = Fixtures.org(o -> o.account(OWN, a -> a.region("us-east-1", r -> r.function("a", f -> { }).function("b", f -> { }))));
        assertThat(RuleTester.of(new SharedExecutionRole()).run(snapshot)).isEmpty();
    }

    @Test
    void sameRoleNameInTwoAccountsIsNotSharing() {
        var snapshot = Fixtures.org(o -> o
                .account(OWN, a -> a.region("us-east-1", r -> r.function("a", f -> f.role("shared"))))
                .account(SISTER, a -> a.region("us-east-1", r -> r.function("b", f -> f.role("shared")))));
        assertThat(RuleTester.of(new SharedExecutionRole()).run(snapshot)).isEmpty();
    }

    @Test
    void longListsAreCut() {
        var snapshot = Fixtures.org(o -> o.account(OWN, a -> a.region("us-east-1", r -> {
            for (int i = 0; i < 8; i++) {
                r.function("f" + i, f -> f.role("shared"));
            }
        })));
        Violation first = RuleTester.of(new SharedExecutionRole()).run(snapshot).getFirst();
        assertThat(first.detail()).contains("7 other function(s)").endsWith("(+2 more)");
    }
}
