package io.lambdaguardrails.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StatementTest {

    static Stream<Arguments> serviceActions() {
        return Stream.of(
                arguments("one action of the service", "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}", true),
                arguments("the service's wildcard", "{\"Effect\":\"Allow\",\"Action\":\"S3:*\"}", true),
                arguments("every action", "{\"Effect\":\"Allow\",\"Action\":\"*\"}", true),
                arguments("a wildcard in the service name", "{\"Effect\":\"Allow\",\"Action\":\"s*:List*\"}", true),
                arguments("other services only", "{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"kms:*\"]}", false),
                arguments("NotAction on other services", "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\"}", true),
                arguments("NotAction on some of the service", "{\"Effect\":\"Allow\",\"NotAction\":\"s3:Delete*\"}", true),
                arguments("NotAction on the whole service", "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"s3:*\"]}", false),
                arguments("NotAction on everything", "{\"Effect\":\"Allow\",\"NotAction\":\"*\"}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceActions")
    void knowsWhetherAnyActionOfAServiceIsCovered(String name, String statement, boolean expected) throws Exception {
        Statement s = PolicyDocumentTest.only("{\"Statement\":[" + statement + "]}");
        assertThat(s.coversAnyActionOf("s3")).isEqualTo(expected);
    }
}
