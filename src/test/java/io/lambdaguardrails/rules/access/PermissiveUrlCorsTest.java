package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Fixtures.cors;
import static io.lambdaguardrails.rules.fixtures.Fixtures.corsWithCredentials;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;

class PermissiveUrlCorsTest {

    static final RuleTester RULE = RuleTester.of(new PermissiveUrlCors());

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("any origin", inOrg(f -> f.url("AWS_IAM", cors("*"))), finding("fn", MEDIUM, "allows any origin ('*')")),
                reports("any origin with credentials", inOrg(f -> f.url("AWS_IAM", corsWithCredentials("*"))), finding("fn", HIGH, "with AllowCredentials")),
                reports("wildcard scheme pattern", inOrg(f -> f.url("AWS_IAM", cors("https://app.example.com", "https://*"))), finding("fn", MEDIUM, "('https://*')")),
                reports("any scheme, any host", inOrg(f -> f.url("AWS_IAM", cors("*://*"))), finding("fn", MEDIUM, "'*://*'")),
                reportsNothing("listed origins", inOrg(f -> f.url("AWS_IAM", corsWithCredentials("https://app.example.com", "http://localhost:3000")))),
                reportsNothing("subdomain wildcard is a named site", inOrg(f -> f.url("AWS_IAM", cors("https://*.example.com")))),
                reportsNothing("URL without CORS", inOrg(f -> f.url("NONE"))),
                reportsNothing("no URL", inOrg(f -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesCorsOrigins(RuleCase c) {
        RULE.check(c);
    }
}
