package io.lambdaguardrails.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The SCP questions: does this Deny stop that request? */
class RequestTest {

    static final Request URL_NONE = Request.of("lambda:CreateFunctionUrlConfig").with("lambda:FunctionUrlAuthType", "NONE");
    static final Request NO_VPC = Request.of("lambda:CreateFunction")
            .without("lambda:VpcIds", "lambda:SubnetIds", "lambda:SecurityGroupIds");
    static final Request NO_SIGNING = Request.of("lambda:CreateFunction").without("lambda:CodeSigningConfigArn");

    static Statement deny(String actions, String resource, String condition) throws PolicyParseException {
        return PolicyDocumentTest.only("""
                {"Statement":[{"Effect":"Deny","Action":%s,"Resource":"%s","Condition":%s}]}
                """.formatted(actions, resource, condition));
    }

    static Stream<Arguments> cases() {
        String urlActions = "[\"lambda:CreateFunctionUrlConfig\",\"lambda:UpdateFunctionUrlConfig\"]";
        String createActions = "[\"lambda:CreateFunction\",\"lambda:UpdateFunctionConfiguration\"]";
        return Stream.of(
                arguments("URL NONE denied", URL_NONE, urlActions, "*", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}", true),
                arguments("URL: key case", URL_NONE, urlActions, "*", "{\"StringEquals\":{\"Lambda:functionUrlAuthType\":\"NONE\"}}", true),
                arguments("URL: not AWS_IAM denied", URL_NONE, urlActions, "*", "{\"StringNotEquals\":{\"lambda:FunctionUrlAuthType\":\"AWS_IAM\"}}", true),
                arguments("URL: only AWS_IAM denied", URL_NONE, urlActions, "*", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"AWS_IAM\"}}", false),
                arguments("URL: unconditional deny", URL_NONE, "\"lambda:*FunctionUrlConfig\"", "*", "{}", true),
                arguments("URL: other action only", URL_NONE, "\"lambda:UpdateFunctionUrlConfig\"", "*", "{}", false),
                arguments("URL: one function only", URL_NONE, urlActions, "arn:aws:lambda:*:*:function:prod-*", "{}", false),
                arguments("URL: every function", URL_NONE, urlActions, "arn:aws:lambda:*:*:function:*", "{}", true),
                arguments("URL: break-glass exemption", URL_NONE, urlActions, "*",
                        "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"},\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"}}", true),
                arguments("URL: applies to one principal only", URL_NONE, urlActions, "*",
                        "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"},\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Dev\"}}", false),
                arguments("region deny is not relied on", URL_NONE, "\"*\"", "*", "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}", false),
                arguments("VPC: Null true", NO_VPC, createActions, "*", "{\"Null\":{\"lambda:VpcIds\":\"true\"}}", true),
                arguments("VPC: Null as boolean", NO_VPC, createActions, "*", "{\"Null\":{\"lambda:VpcIds\":true}}", true),
                arguments("VPC: Null false", NO_VPC, createActions, "*", "{\"Null\":{\"lambda:VpcIds\":\"false\"}}", false),
                arguments("VPC: ForAllValues not in list", NO_VPC, createActions, "*", "{\"ForAllValues:StringNotEquals\":{\"lambda:SubnetIds\":[\"subnet-1\"]}}", true),
                arguments("VPC: ForAnyValue needs a value", NO_VPC, createActions, "*", "{\"ForAnyValue:StringNotEquals\":{\"lambda:SubnetIds\":[\"subnet-1\"]}}", false),
                arguments("VPC: StringNotEquals denies absence", NO_VPC, createActions, "*", "{\"StringNotEquals\":{\"lambda:VpcIds\":\"vpc-1\"}}", true),
                arguments("VPC: positive test fails on absence", NO_VPC, createActions, "*", "{\"StringEquals\":{\"lambda:VpcIds\":\"vpc-1\"}}", false),
                arguments("signing: Null true", NO_SIGNING, "\"lambda:CreateFunction\"", "*", "{\"Null\":{\"lambda:CodeSigningConfigArn\":\"true\"}}", true),
                arguments("signing: ArnNotEquals trusted config", NO_SIGNING, "\"lambda:CreateFunction\"", "*", "{\"ArnNotEquals\":{\"lambda:CodeSigningConfigArn\":\"arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-1\"}}", true),
                arguments("signing: IfExists", NO_SIGNING, "\"lambda:CreateFunction\"", "*", "{\"ArnNotEqualsIfExists\":{\"lambda:CodeSigningConfigArn\":\"arn:x\"}}", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesWhetherADenyStopsTheRequest(String name, Request request, String actions, String resource,
                                            String condition, boolean denied) throws Exception {
        assertThat(deny(actions, resource, condition).deniesRequest(request)).isEqualTo(denied);
    }

    @Test
    void anAllowNeverDenies() throws Exception {
        Statement s = PolicyDocumentTest.only("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        assertThat(s.deniesRequest(NO_VPC)).isFalse();
        assertThat(s.deniesRequest(URL_NONE)).isFalse();
    }
}
