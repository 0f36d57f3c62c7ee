package io.lambdaguardrails.rules;

import io.lambdaguardrails.rules.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RuleContextTest {

    static final String POLICY = """
            {"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*"}]}""";

    @Test
    void theSameDocumentTextIsParsedOnceForAllRulesAndRoles() {
        RuleContext context = RuleContext.of(Fixtures.oneFunction(f -> { }), Settings.defaults(), LocalDate.of(2026, 11, 28));

        // A separate copy of the text, as a second role or account carries it.
        var first = context.policy(POLICY).orElseThrow();
        var again = context.policy(new String(POLICY.toCharArray())).orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(context.policy("{not json")).isEmpty();
        assertThat(context.policy(null)).isEmpty();
    }
}
