package io.lambdaguardrails.deploy;

import io.lambdaguardrails.permissions.IamActionMapping;
import io.lambdaguardrails.permissions.IamActionMapping.BucketEncryption;
import io.lambdaguardrails.permissions.SdkOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class IamActionMappingTest {

    static Stream<Arguments> operations() {
        return Stream.of(
                arguments("Lambda:ListFunctions", BucketEncryption.SSE_S3, List.of("lambda:ListFunctions")),
                arguments("Ec2:DescribeVpcs", BucketEncryption.SSE_S3, List.of("ec2:DescribeVpcs")),
                arguments("Config:DescribeConfigRules", BucketEncryption.SSE_S3, List.of("config:DescribeConfigRules")),
                arguments("ConfigService:DescribeConfigRules", BucketEncryption.SSE_S3,
                        List.of("config:DescribeConfigRules")),
                arguments("Config Service:DescribeConfigRules", BucketEncryption.SSE_S3,
                        List.of("config:DescribeConfigRules")),
                arguments("AccessAnalyzer:ValidatePolicy", BucketEncryption.SSE_S3,
                        List.of("access-analyzer:ValidatePolicy")),
                arguments("S3:ListObjectsV2", BucketEncryption.SSE_S3, List.of("s3:ListBucket")),
                arguments("S3:HeadObject", BucketEncryption.SSE_S3, List.of("s3:GetObject")),
                arguments("S3:PutObject", BucketEncryption.SSE_S3, List.of("s3:PutObject")),
                arguments("S3:PutObject", BucketEncryption.SSE_KMS, List.of("s3:PutObject", "kms:GenerateDataKey")),
                arguments("S3:GetObject", BucketEncryption.SSE_KMS, List.of("s3:GetObject", "kms:Decrypt")),
                arguments("S3:HeadObject", BucketEncryption.SSE_KMS, List.of("s3:GetObject", "kms:Decrypt")),
                arguments("S3:ListObjectsV2", BucketEncryption.SSE_KMS, List.of("s3:ListBucket")),
                arguments("SecurityHub:BatchImportFindings", BucketEncryption.SSE_S3,
                        List.of("securityhub:BatchImportFindings")),
                arguments("Sns:Publish", BucketEncryption.SSE_KMS, List.of("sns:Publish")));
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("operations")
    void mapsAnSdkOperationToItsIamActions(String operation, BucketEncryption encryption, List<String> actions) {
        assertThat(IamActionMapping.actionsFor(SdkOperation.parse(operation), encryption)).isEqualTo(actions);
    }

    @Test
    void anUnknownServiceIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> IamActionMapping.actionsFor(SdkOperation.parse("DynamoDb:Scan"), BucketEncryption.SSE_S3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DynamoDb");
    }
}
