package io.lambdaguardrails.deploy;

import io.lambdaguardrails.permissions.IamActionMapping;
import io.lambdaguardrails.permissions.IamActionMapping.BucketEncryption;
import io.lambdaguardrails.permissions.PolicyParameters;
import io.lambdaguardrails.permissions.RequiredPolicy;
import io.lambdaguardrails.permissions.SdkOperation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK operations the collectors and the report sink are designed to call, mapped to IAM actions, are exactly what
 * the policies grant. The end-to-end version records the operations a moto scan really sends; this list is the
 * design that recording is checked against.
 */
class PolicyCoverageTest {

    private static final List<String> MEMBER_OPERATIONS = List.of(
            "Sts:GetCallerIdentity",
            "Iam:GetAccountAuthorizationDetails", "Iam:GetPolicy", "Iam:GetPolicyVersion",
            "Iam:GenerateServiceLastAccessedDetails", "Iam:GetServiceLastAccessedDetails",
            "Lambda:ListFunctions", "Lambda:ListAliases", "Lambda:GetPolicy", "Lambda:GetFunctionUrlConfig", "Lambda:ListFunctionUrlConfigs",
            "Lambda:GetFunctionCodeSigningConfig", "Lambda:ListCodeSigningConfigs", "Lambda:GetCodeSigningConfig",
            "Lambda:ListTags", "Lambda:GetFunctionConcurrency", "Lambda:ListFunctionEventInvokeConfigs",
            "Lambda:ListEventSourceMappings", "ResourceGroupsTaggingApi:GetResources",
            "Ec2:DescribeVpcs", "Ec2:DescribeSubnets", "Ec2:DescribeRouteTables", "Ec2:DescribeSecurityGroups",
            "Ec2:DescribeNetworkAcls", "Ec2:DescribeFlowLogs", "Ec2:DescribeVpcEndpoints",
            "Ec2:DescribeInternetGateways", "Ec2:DescribeNatGateways", "Ec2:DescribeRegions",
            "CloudTrail:DescribeTrails", "CloudTrail:GetTrailStatus", "CloudTrail:GetEventSelectors",
            "Config:DescribeConfigurationRecorders", "Config:DescribeConfigurationRecorderStatus",
            "Config:DescribeConfigRules",
            "AccessAnalyzer:ListAnalyzers", "AccessAnalyzer:ValidatePolicy",
            "Signer:GetSigningProfile", "Signer:ListSigningProfiles");

    private static final List<String> SCANNER_OPERATIONS = List.of(
            "Sts:GetCallerIdentity", "Sts:AssumeRole",
            "Organizations:DescribeOrganization", "Organizations:ListAccounts", "Organizations:ListRoots",
            "Organizations:ListAccountsForParent", "Organizations:ListDelegatedAdministrators",
            "Organizations:ListOrganizationalUnitsForParent", "Organizations:ListTagsForResource",
            "Organizations:ListPolicies", "Organizations:DescribePolicy", "Organizations:ListTargetsForPolicy",
            "S3:PutObject", "S3:GetObject", "S3:HeadObject", "S3:ListObjectsV2");

    /** What --security-hub and --notify sns:ARN add, and only they. */
    private static final List<String> INTEGRATION_OPERATIONS = List.of(
            "SecurityHub:BatchImportFindings", "Sns:Publish");

    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:guardrails-alerts";

    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void theMemberPolicyGrantsExactlyTheMemberOperations() {
        assertThat(allowedActions(RequiredPolicy.member()))
                .isEqualTo(requiredActions(MEMBER_OPERATIONS, BucketEncryption.SSE_S3));
    }

    @Test
    void theScannerPolicyGrantsExactlyTheScannerOperations() {
        String policy = RequiredPolicy.scanner(reports(Optional.empty(), Optional.empty(), List.of()));

        assertThat(allowedActions(policy)).isEqualTo(requiredActions(SCANNER_OPERATIONS, BucketEncryption.SSE_S3));
    }

    @Test
    void withoutSecurityHubAndNotifyTheScannerPolicyHasNeitherAction() {
        String policy = RequiredPolicy.scanner(reports(Optional.of(KEY), Optional.empty(), List.of()));

        assertThat(allowedActions(policy)).noneMatch(action -> action.startsWith("securityhub:")
                || action.startsWith("sns:"));
    }

    @Test
    void securityHubAndNotifyAddExactlyTheirActions() {
        String policy = RequiredPolicy.scanner(reports(Optional.empty(), Optional.of("eu-west-1"), List.of(TOPIC)));

        List<String> operations = Stream.concat(SCANNER_OPERATIONS.stream(),
                INTEGRATION_OPERATIONS.stream()).toList();
        assertThat(allowedActions(policy)).isEqualTo(requiredActions(operations, BucketEncryption.SSE_S3));
    }

    @Test
    void eachIntegrationAddsOnlyItsOwnAction() {
        assertThat(allowedActions(RequiredPolicy.scanner(reports(Optional.empty(), Optional.of("eu-west-1"), List.of()))))
                .contains("securityhub:batchimportfindings").doesNotContain("sns:publish");
        assertThat(allowedActions(RequiredPolicy.scanner(reports(Optional.empty(), Optional.empty(), List.of(TOPIC)))))
                .contains("sns:publish").doesNotContain("securityhub:batchimportfindings");
    }

    @Test
    void theScannerPolicyForAnSseKmsBucketAddsExactlyTheKeyActions() {
        String policy = RequiredPolicy.scanner(reports(Optional.of(KEY), Optional.empty(), List.of()));

        assertThat(allowedActions(policy)).isEqualTo(requiredActions(SCANNER_OPERATIONS, BucketEncryption.SSE_KMS));
    }

    private static PolicyParameters reports(Optional<String> key, Optional<String> securityHub, List<String> topics) {
        return new PolicyParameters("reports", "", null, key, securityHub, topics);
    }

    private static Set<String> requiredActions(List<String> operations, BucketEncryption encryption) {
        return operations.stream()
                .map(SdkOperation::parse)
                .flatMap(operation -> IamActionMapping.actionsFor(operation, encryption).stream())
                .map(action -> action.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** IAM action names are case-insensitive; our policies use no wildcards, so the granted set is literal. */
    private static Set<String> allowedActions(String policyJson) {
        return IamPolicy.fromJson(policyJson).statements().stream()
                .filter(statement -> statement.effect().equals(IamEffect.ALLOW))
                .map(IamStatement::actions)
                .flatMap(List::stream)
                .map(action -> action.value().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
