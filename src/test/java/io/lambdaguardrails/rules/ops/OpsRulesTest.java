package io.lambdaguardrails.rules.ops;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OpsRulesTest {

    private static final Settings MAX_TIMEOUT_60 = RuleSettings.yaml("ops: {maxTimeoutSeconds: 60, memoryRange: {min: 128, max: 3008}}");
    private static final Settings MAX_TIMEOUT_60_MIN_MEMORY_256 = RuleSettings.yaml("ops: {maxTimeoutSeconds: 60, memoryRange: {min: 256, max: 3008}}");
    private static final Settings MAX_MEMORY_3008 = RuleSettings.yaml("ops: {memoryRange: {min: 128, max: 3008}}");
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
                arguments(new NoReservedConcurrency(), reports("OPS-001 no reservation", Fixtures.oneFunction(f -> { }), finding("fn", LOW, "No reserved concurrency"))),
                arguments(new NoReservedConcurrency(), reportsNothing("OPS-001 reserved", Fixtures.oneFunction(f -> f.reservedConcurrency(10)))),
                arguments(new NoReservedConcurrency(), reportsNothing("OPS-001 not collected", Fixtures.oneFunction(f -> f.notCollected(LambdaFunction.Part.CONCURRENCY)))),

                // LG-OPS-002
                arguments(new AsyncWithoutFailureDestination(), reports("OPS-002 event-invoke config without on-failure", Fixtures.oneFunction(f -> f.eventInvoke(null)), finding("fn", LOW, "has an asynchronous invocation configuration"))),
                arguments(new AsyncWithoutFailureDestination(), reportsNothing("OPS-002 event-invoke config with on-failure", Fixtures.oneFunction(f -> f.eventInvoke(QUEUE)))),
                arguments(new AsyncWithoutFailureDestination(), reports("OPS-002 S3 may invoke, nowhere to fail to", Fixtures.oneFunction(f -> f.policy(S3_INVOKES)), finding("fn", LOW, "may be invoked asynchronously by s3"))),
                arguments(new AsyncWithoutFailureDestination(), reports("OPS-002 regional logs principal", Fixtures.oneFunction(f -> f.policy(LOGS_INVOKES)), finding("fn", LOW, "by logs"))),
                arguments(new AsyncWithoutFailureDestination(), reportsNothing("OPS-002 S3 may invoke, dead-letter queue set", Fixtures.oneFunction(f -> f.policy(S3_INVOKES).deadLetter(QUEUE)))),
                arguments(new AsyncWithoutFailureDestination(), reportsNothing("OPS-002 synchronous caller only", Fixtures.oneFunction(f -> f.policy(API_GATEWAY_INVOKES)))),
                arguments(new AsyncWithoutFailureDestination(), reportsNothing("OPS-002 unreadable resource policy says nothing", Fixtures.oneFunction(f -> f.policy("not json")))),
                arguments(new AsyncWithoutFailureDestination(), reportsNothing("OPS-002 event-invoke config not collected", Fixtures.oneFunction(f -> f.policy(S3_INVOKES).notCollected(LambdaFunction.Part.EVENT_INVOKE)))),

                // LG-OPS-003
                arguments(new TracingNotActive(), reports("OPS-003 PassThrough", Fixtures.oneFunction(f -> f.tracing(LambdaFunction.TracingMode.PASS_THROUGH)), finding("fn", LOW, "PassThrough, not Active"))),
                arguments(new TracingNotActive(), reportsNothing("OPS-003 Active", Fixtures.oneFunction(f -> f.tracing(LambdaFunction.TracingMode.ACTIVE)))),
                arguments(new TracingNotActive(), reportsNothing("OPS-003 unknown", Fixtures.oneFunction(f -> f.tracing(null)))),

                // LG-OPS-004
                arguments(new TimeoutOrMemoryOutOfRange(), reportsNothing("OPS-004 inside the defaults", Fixtures.oneFunction(f -> f.timeout(900).memory(10240)))),
                arguments(new TimeoutOrMemoryOutOfRange(), reports("OPS-004 timeout too long", Fixtures.oneFunction(f -> f.timeout(120)), finding("fn", LOW, "timeout 120 s exceeds 60 s")).under(MAX_TIMEOUT_60)),
                arguments(new TimeoutOrMemoryOutOfRange(), reports("OPS-004 memory too small and too long", Fixtures.oneFunction(f -> f.timeout(120).memory(128)), finding("fn", LOW, "timeout 120 s exceeds 60 s; memory 128 MB is outside 256-3008 MB")).under(MAX_TIMEOUT_60_MIN_MEMORY_256)),
                arguments(new TimeoutOrMemoryOutOfRange(), reports("OPS-004 memory too large", Fixtures.oneFunction(f -> f.memory(4096)), finding("fn", LOW, "memory 4096 MB")).under(MAX_MEMORY_3008)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(Rule rule, RuleCase c) {
        RuleTester.of(rule).check(c);
    }

}
