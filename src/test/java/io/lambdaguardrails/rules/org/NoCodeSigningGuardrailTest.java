package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.org.NoUrlAuthGuardrailTest.member;
import static io.lambdaguardrails.rules.org.NoVpcGuardrailTest.deny;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NoCodeSigningGuardrailTest {

    static final String CREATE = "\"lambda:CreateFunction\"";
    static final String CSC = "arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-0123456789abcdef0";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no guardrail", member(o -> { }), finding("denies functions without code signing; not denied: lambda:CreateFunction")),
                arguments("Null config ARN", member(o -> o.scp("p-sig", deny(CREATE, "{\"Null\":{\"lambda:CodeSigningConfigArn\":\"true\"}}"), "r-root")), none()),
                arguments("only the trusted config", member(o -> o.scp("p-sig", deny(CREATE, "{\"StringNotEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}"), "r-root")), none()),
                arguments("denies the trusted config instead", member(o -> o.scp("p-sig", deny(CREATE, "{\"StringEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}"), "r-root")),
                        finding("not denied: lambda:CreateFunction")),
                arguments("an Allow is no guardrail", member(o -> o.scp("p-sig",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:CreateFunction\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"lambda:CodeSigningConfigArn\":\"false\"}}}]}", "r-root")),
                        finding("not denied")),
                arguments("an allow-list SCP that never allows CreateFunction blocks it", member(o -> o.scp("p-allow",
                        NoUrlAuthGuardrailTest.allowList("[\"lambda:Invoke*\",\"lambda:UpdateFunctionCode\"]"), "ou-prod")), none()),
                arguments("an allow-list SCP that allows CreateFunction only with a code-signing config blocks it unsigned",
                        member(o -> o.scp("p-allow", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}}]}", "ou-prod")), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void looksForACodeSigningGuardrail(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new NoCodeSigningGuardrail(), snapshot));
    }
}
