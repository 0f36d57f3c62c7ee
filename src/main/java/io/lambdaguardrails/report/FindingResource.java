package io.lambdaguardrails.report;

import java.util.Optional;

/**
 * What kind of AWS resource an ARN names, in the vocabulary of the exchange formats (ASFF resource types), read from
 * the ARN itself so that a resolved finding, which keeps only its ARN, is described the same way as an open one.
 */
enum FindingResource {
    LAMBDA_FUNCTION("AwsLambdaFunction", "AwsLambdaFunction", "FunctionName"),
    IAM_ROLE("AwsIamRole", "AwsIamRole", "RoleName"),
    CLOUDTRAIL_TRAIL("AwsCloudTrailTrail", "AwsCloudTrailTrail", "Name"),
    NETWORK_ACL("AwsEc2NetworkAcl", null, null),
    ACCOUNT("AwsAccount", null, null),
    OTHER("Other", null, null);

    private final String asffType;
    private final String detailsKey;
    private final String nameField;

    FindingResource(String asffType, String detailsKey, String nameField) {
        this.asffType = asffType;
        this.detailsKey = detailsKey;
        this.nameField = nameField;
    }

    static FindingResource of(String arn) {
        if (arn == null) {
            return OTHER;
        }
        if (arn.contains(":lambda:") && arn.contains(":function:")) {
            return LAMBDA_FUNCTION;
        }
        if (arn.contains(":iam::") && arn.contains(":role/")) {
            return IAM_ROLE;
        }
        if (arn.contains(":cloudtrail:") && arn.contains(":trail/")) {
            return CLOUDTRAIL_TRAIL;
        }
        if (arn.contains(":network-acl/")) {
            return NETWORK_ACL;
        }
        if (arn.matches("arn:[a-z-]+:::account/\\d{12}")) {
            return ACCOUNT;
        }
        return OTHER;
    }

    String asffType() {
        return asffType;
    }

    /** Where ASFF has a details type for the resource: its {@code Details} key and the field that names it. */
    Optional<AsffDetails> details() {
        return detailsKey == null ? Optional.empty() : Optional.of(new AsffDetails(detailsKey, nameField));
    }

    record AsffDetails(String key, String nameField) {
    }

    /** The partition an ARN lives in ({@code aws}, {@code aws-cn}, {@code aws-us-gov}); {@code aws} when unknown. */
    static String partition(String arn) {
        if (arn != null && arn.startsWith("arn:")) {
            int end = arn.indexOf(':', 4);
            if (end > 4) {
                return arn.substring(4, end);
            }
        }
        return "aws";
    }
}
