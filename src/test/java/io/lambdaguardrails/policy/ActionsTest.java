package io.lambdaguardrails.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ActionsTest {

    static Stream<Arguments> coverage() {
        return Stream.of(
                arguments("lambda:* covers invoke", "\"Action\": \"lambda:*\"", "lambda:InvokeFunction", true),
                arguments("* covers anything", "\"Action\": \"*\"", "iam:PassRole", true),
                arguments("Update* covers UpdateFunctionCode", "\"Action\": \"lambda:Update*\"", "lambda:UpdateFunctionCode", true),
                arguments("Update* misses invoke", "\"Action\": \"lambda:Update*\"", "lambda:InvokeFunction", false),
                arguments("case-insensitive", "\"Action\": \"LAMBDA:invokefunction\"", "lambda:InvokeFunction", true),
                arguments("list", "\"Action\": [\"s3:GetObject\", \"lambda:InvokeFunction\"]", "lambda:InvokeFunction", true),
                arguments("other service", "\"Action\": \"s3:*\"", "lambda:InvokeFunction", false),
                arguments("NotAction covers the rest", "\"NotAction\": \"iam:*\"", "lambda:InvokeFunction", true),
                arguments("NotAction excludes its own", "\"NotAction\": \"lambda:Invoke*\"", "lambda:InvokeFunction", false),
                arguments("no action at all", "\"Resource\": \"*\"", "lambda:InvokeFunction", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coverage")
    void statementCoversActions(String name, String actionElement, String action, boolean expected) throws Exception {
        Statement s = PolicyDocumentTest.only("{\"Statement\": [{\"Effect\": \"Allow\", " + actionElement + "}]}");
        assertThat(s.covers(action)).isEqualTo(expected);
    }

    @Test
    void expandsWildcardsOverTheFunctionCatalogue() throws Exception {
        Statement s = PolicyDocumentTest.only("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"lambda:Invoke*\"}]}");
        assertThat(Actions.LAMBDA_FUNCTION.stream().filter(s::covers)).containsExactlyInAnyOrderElementsOf(Actions.LAMBDA_INVOKE);
        Statement get = PolicyDocumentTest.only("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"lambda:Get*\"}]}");
        assertThat(Actions.LAMBDA_FUNCTION.stream().filter(get::covers)).contains("lambda:GetFunction").noneMatch(Actions::isInvoke);
    }

    @Test
    void classifiesPatterns() {
        assertThat(List.of("*", "*:*")).allMatch(Actions::isEverything);
        assertThat(Actions.isEverything("s3:*")).isFalse();
        assertThat(Actions.isServiceWide("s3:*")).isTrue();
        assertThat(Actions.isServiceWide("S3:*")).isTrue();
        assertThat(Actions.isServiceWide("s3:Get*")).isFalse();
        assertThat(Actions.isServiceWide("*")).isFalse();
        assertThat(Actions.isServiceWide("*:*")).isFalse();
        assertThat(Actions.service("DynamoDB:PutItem")).contains("dynamodb");
        assertThat(Actions.service("*")).isEmpty();
        assertThat(Actions.isInvoke("LAMBDA:InvokeAsync")).isTrue();
        assertThat(Actions.isInvoke("lambda:GetFunction")).isFalse();
    }
}
