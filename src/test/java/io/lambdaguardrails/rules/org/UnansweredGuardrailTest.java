package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.org.NoUrlAuthGuardrailTest.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every LG-ORG rule says which accounts it could not answer for, and why, instead of passing them in silence. */
class UnansweredGuardrailTest {

    private static final Settings VPC_REQUIRED = RuleSettings.yaml("network: {requireVpc: true}");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("SCPs not read", member(Fixtures.OrgBuilder::scpsUnknown),
                        "SCPs not evaluated: the organisation's SCPs were not read"),
                arguments("an SCP on the path does not parse", member(o -> o.scp("p-bad", "{\"Statement\": [", "ou-prod")),
                        "SCPs not evaluated: an SCP on the account's path does not parse"),
                arguments("Organizations not read", Fixtures.org(o -> o.unavailable().account(OWN, a -> { })),
                        "SCPs not evaluated: Organizations was not read"),
                arguments("SCPs read", member(o -> { }), null),
                arguments("an unparseable SCP off the path", member(o -> o.scp("p-bad", "{\"Statement\": [", "ou-sandbox")), null),
                arguments("the management account, which SCPs do not bind", Fixtures.org(o -> o.scpsUnknown()
                        .account(Fixtures.MANAGEMENT, a -> { })), null),
                arguments("an account that could not be entered", Fixtures.org(o -> o.scpsUnknown()
                        .account(OWN, Fixtures.AccountBuilder::notAssumable)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheAccountsItCouldNotAnswerFor(String name, Snapshot snapshot, String reason) {
        for (Rule rule : List.of(new NoUrlAuthGuardrail(), new NoCodeSigningGuardrail(), new NoVpcGuardrail())) {
            List<NotEvaluated> expected = reason == null ? List.of()
                    : List.of(new NotEvaluated(rule.meta().id(), OWN, "global", reason));
            assertThat(RuleTester.of(rule).notEvaluated(snapshot, VPC_REQUIRED)).as(rule.meta().id()).isEqualTo(expected);
        }
    }

    @Test
    void theVpcGuardrailIsNotAskedUnlessVpcsAreRequired() {
        assertThat(RuleTester.of(new NoVpcGuardrail()).notEvaluated(member(Fixtures.OrgBuilder::scpsUnknown))).isEmpty();
    }
}
