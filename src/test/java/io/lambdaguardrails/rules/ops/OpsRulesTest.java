package io.lambdaguardrails.rules.ops;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.RuleRun.Expect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.RuleRun.expect;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OpsRulesTest {

    private static final Settings DEFAULTS = Settings.defaults();
    private static final String S3_INVOKES = """
            {"Version":"2012-10-17","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},
             "Action":"lambda:InvokeFunction","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111111111111"}}}]}""";
    private static final String LOGS_INVOKES = """
            {"Statement":[{"Effect":"Allow","Principal":{"Service":["logs.us-east-1.amazonaws.com"]},"Action":"lambda:InvokeFunction"}]}""";
    private static final String API_GATEWAY_INVOKES = """
            {"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction"}]}""";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:111111111111:failed";

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-OPS-001
                arguments("OPS-001 no reservation", new NoReservedConcurrency(), Fixtures.oneFunction(f -> { }), DEFAULTS,
                        List.of(expect("fn", LOW, "No reserved concurrency"))),
                arguments("OPS-001 reserved", new NoReservedConcurrency(), Fixtures.oneFunction(f -> f.reservedConcurrency(10)),
                        DEFAULTS, List.of()),
                arguments("OPS-001 not collected", new NoReservedConcurrency(),
                        Fixtures.oneFunction(f -> f.notCollected(LambdaFunction.Part.CONCURRENCY)), DEFAULTS, List.of()),

                // LG-OPS-002
                arguments("OPS-002 event-invoke config without on-failure", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.eventInvoke(null)), DEFAULTS,
                        List.of(expect("fn", LOW, "has an asynchronous invocation configuration"))),
                arguments("OPS-002 event-invoke config with on-failure", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.eventInvoke(QUEUE)), DEFAULTS, List.of()),
                arguments("OPS-002 S3 may invoke, nowhere to fail to", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy(S3_INVOKES)), DEFAULTS,
                        List.of(expect("fn", LOW, "may be invoked asynchronously by s3"))),
                arguments("OPS-002 regional logs principal", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy(LOGS_INVOKES)), DEFAULTS, List.of(expect("fn", LOW, "by logs"))),
                arguments("OPS-002 S3 may invoke, dead-letter queue set", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy(S3_INVOKES).deadLetter(QUEUE)), DEFAULTS, List.of()),
                arguments("OPS-002 synchronous caller only", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy(API_GATEWAY_INVOKES)), DEFAULTS, List.of()),
                arguments("OPS-002 unreadable resource policy says nothing", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy("not json")), DEFAULTS, List.of()),
                arguments("OPS-002 event-invoke config not collected", new AsyncWithoutFailureDestination(),
                        Fixtures.oneFunction(f -> f.policy(S3_INVOKES).notCollected(LambdaFunction.Part.EVENT_INVOKE)), DEFAULTS,
                        List.of()),

                // LG-OPS-003
                arguments("OPS-003 PassThrough", new TracingNotActive(), Fixtures.oneFunction(f -> f.tracing(LambdaFunction.TracingMode.PASS_THROUGH)),
                        DEFAULTS, List.of(expect("fn", LOW, "PassThrough, not Active"))),
                arguments("OPS-003 Active", new TracingNotActive(), Fixtures.oneFunction(f -> f.tracing(LambdaFunction.TracingMode.ACTIVE)), DEFAULTS,
                        List.of()),
                arguments("OPS-003 unknown", new TracingNotActive(), Fixtures.oneFunction(f -> f.tracing(null)), DEFAULTS,
                        List.of()),

                // LG-OPS-004
                arguments("OPS-004 inside the defaults", new TimeoutOrMemoryOutOfRange(),
                        Fixtures.oneFunction(f -> f.timeout(900).memory(10240)), DEFAULTS, List.of()),
                arguments("OPS-004 timeout too long", new TimeoutOrMemoryOutOfRange(), Fixtures.oneFunction(f -> f.timeout(120)),
                        ops(60, 128, 3008), List.of(expect("fn", LOW, "timeout 120 s exceeds 60 s"))),
                arguments("OPS-004 memory too small and too long", new TimeoutOrMemoryOutOfRange(),
                        Fixtures.oneFunction(f -> f.timeout(120).memory(128)), ops(60, 256, 3008),
                        List.of(expect("fn", LOW, "timeout 120 s exceeds 60 s; memory 128 MB is outside 256-3008 MB"))),
                arguments("OPS-004 memory too large", new TimeoutOrMemoryOutOfRange(), Fixtures.oneFunction(f -> f.memory(4096)),
                        ops(900, 128, 3008), List.of(expect("fn", LOW, "memory 4096 MB"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(String name, Rule rule, Snapshot snapshot, Settings settings, List<Expect> expected) {
        RuleRun.assertReports(rule, snapshot, settings, expected);
    }

    private static Settings ops(int maxTimeout, int minMemory, int maxMemory) {
        return Settings.defaults().withOps(new Settings.OpsSettings(maxTimeout, new Settings.MemoryRange(minMemory, maxMemory)));
    }
}
