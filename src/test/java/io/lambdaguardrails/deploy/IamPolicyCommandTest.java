package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.cli.IamPolicyCommand;
import io.lambdaguardrails.permissions.PermissionSet;
import io.lambdaguardrails.permissions.RequiredPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class IamPolicyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheMemberPolicy() throws Exception {
        Result result = run("--for", "member");

        assertThat(result.exitCode()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(RequiredPolicy.template(PermissionSet.MEMBER));
        assertThat(IamPolicy.fromJson(result.out()).statements()).hasSize(6);
    }

    @Test
    void printsTheScannerPolicyForABucketAndPrefix() throws Exception {
        Result result = run("--for", "scanner", "--bucket", "reports-bucket", "--prefix", "guardrails");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "Identity", "Effect": "Allow", "Action": ["sts:GetCallerIdentity"], "Resource": "*"},
                    {"Sid": "OrganizationRead", "Effect": "Allow", "Action": [
                      "organizations:DescribeOrganization", "organizations:DescribePolicy",
                      "organizations:ListAccounts", "organizations:ListAccountsForParent",
                      "organizations:ListDelegatedAdministrators",
                      "organizations:ListOrganizationalUnitsForParent",
                      "organizations:ListPolicies", "organizations:ListRoots",
                      "organizations:ListTagsForResource", "organizations:ListTargetsForPolicy"],
                     "Resource": "*"},
                    {"Sid": "AssumeMemberRole", "Effect": "Allow", "Action": ["sts:AssumeRole"],
                     "Resource": "arn:aws:iam::*:role/LambdaGuardrailsReadOnly"},
                    {"Sid": "ReportsReadWrite", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                     "Resource": "arn:aws:s3:::reports-bucket/guardrails/*"},
                    {"Sid": "ReportsList", "Effect": "Allow", "Action": ["s3:ListBucket"],
                     "Resource": "arn:aws:s3:::reports-bucket",
                     "Condition": {"StringLike": {"s3:prefix": "guardrails/*"}}}
                  ]
                }
                """));
        assertThat(IamPolicy.fromJson(result.out()).statements()).hasSize(5);
    }

    @Test
    void grantsTheBucketKeyAndTheMemberRolePathWhenGiven() throws Exception {
        String key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Result result = run("--for", "scanner", "--bucket", "reports-bucket",
                "--member-role-name", "/security/ScanRole", "--kms-key-arn", key);

        JsonNode statements = JSON.readTree(result.out()).get("Statement");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(statements.get(2).get("Resource").asText()).isEqualTo("arn:aws:iam::*:role/security/ScanRole");
        assertThat(statements.get(3).get("Resource").asText()).isEqualTo("arn:aws:s3:::reports-bucket/*");
        assertThat(statements.get(5)).isEqualTo(JSON.readTree("""
                {"Sid": "ReportsKms", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                 "Resource": "%s"}
                """.formatted(key)));
    }

    @Test
    void grantsSecurityHubOnTheDefaultProductAndPublishOnTheTopicsOnlyWhenAsked() throws Exception {
        Result result = run("--for", "scanner", "--bucket", "reports-bucket", "--security-hub", "eu-west-1",
                "--notify-topic", "arn:aws:sns:eu-west-1:111122223333:guardrails-alerts",
                "--notify-topic", "sns:arn:aws:sns:us-east-1:111122223333:oncall");

        JsonNode statements = JSON.readTree(result.out()).get("Statement");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(statements).hasSize(7);
        assertThat(statements.get(5)).isEqualTo(JSON.readTree("""
                {"Sid": "SecurityHubImport", "Effect": "Allow", "Action": ["securityhub:BatchImportFindings"],
                 "Resource": "arn:aws:securityhub:eu-west-1:${aws:PrincipalAccount}:product/${aws:PrincipalAccount}/default"}
                """));
        assertThat(statements.get(6)).isEqualTo(JSON.readTree("""
                {"Sid": "Notify", "Effect": "Allow", "Action": ["sns:Publish"],
                 "Resource": ["arn:aws:sns:eu-west-1:111122223333:guardrails-alerts",
                              "arn:aws:sns:us-east-1:111122223333:oncall"]}
                """));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                arguments("no --for", new String[] {}, "Missing required option: '--for=scanner|member'"),
                arguments("unknown principal", new String[] {"--for", "admin"},
                        "--for: expected 'scanner' or 'member', got 'admin'"),
                arguments("scanner without bucket", new String[] {"--for", "scanner"},
                        "--bucket is required for the scanner policy"),
                arguments("bucket name with capitals", new String[] {"--for", "scanner", "--bucket", "Reports"},
                        "--bucket must be an S3 bucket name"),
                arguments("wildcard in prefix", new String[] {"--for", "scanner", "--bucket", "b-1", "--prefix", "r*"},
                        "--prefix must be a key prefix"),
                arguments("quote in prefix", new String[] {"--for", "scanner", "--bucket", "b-1", "--prefix", "a\"b"},
                        "--prefix must be a key prefix"),
                arguments("role name with a space",
                        new String[] {"--for", "scanner", "--bucket", "b-1", "--member-role-name", "scan role"},
                        "--member-role-name must be an IAM role name"),
                arguments("KMS alias instead of key", new String[] {"--for", "scanner", "--bucket", "b-1",
                        "--kms-key-arn", "arn:aws:kms:eu-west-1:111122223333:alias/reports"},
                        "--kms-key-arn must be a KMS key ARN"),
                arguments("scanner option for the member", new String[] {"--for", "member", "--bucket", "b-1"},
                        "apply to --for scanner only"),
                arguments("Security Hub for the member", new String[] {"--for", "member", "--security-hub", "eu-west-1"},
                        "apply to --for scanner only"),
                arguments("unknown Security Hub region", new String[] {"--for", "scanner", "--bucket", "b-1",
                        "--security-hub", "europe-1"}, "--security-hub must be an AWS region code"),
                arguments("wildcard topic", new String[] {"--for", "scanner", "--bucket", "b-1",
                        "--notify-topic", "arn:aws:sns:eu-west-1:111122223333:*"}, "--notify-topic must be an SNS topic ARN"),
                arguments("webhook as a topic", new String[] {"--for", "scanner", "--bucket", "b-1",
                        "--notify-topic", "https://hooks.example.com/T0/secret"}, "--notify-topic must be an SNS topic ARN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputExitsWithTwoAndSaysWhy(String name, String[] args, String message) {
        Result result = run(args);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("secret");
        assertThat(result.out()).isEmpty();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new IamPolicyCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
