package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PermissiveUrlCorsTest {

    static Consumer<FunctionBuilder> cors(List<String> origins, boolean credentials) {
        return f -> f.url("AWS_IAM", origins, credentials);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("any origin", cors(List.of("*"), false), finding("allows any origin ('*')")),
                arguments("any origin with credentials", cors(List.of("*"), true), finding("with AllowCredentials").severity(Severity.HIGH)),
                arguments("wildcard scheme pattern", cors(List.of("https://app.example.com", "https://*"), false), finding("('https://*')")),
                arguments("any scheme, any host", cors(List.of("*://*"), false), finding("'*://*'")),
                arguments("listed origins", cors(List.of("https://app.example.com", "http://localhost:3000"), true), none()),
                arguments("subdomain wildcard is a named site", cors(List.of("https://*.example.com"), false), none()),
                arguments("URL without CORS", (Consumer<FunctionBuilder>) f -> f.url("NONE"), none()),
                arguments("no URL", (Consumer<FunctionBuilder>) f -> { }, none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesCorsOrigins(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new PermissiveUrlCors(), Scenarios.inOrg(function)));
    }
}
