package io.lambdaguardrails.permissions;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an SDK operation to the IAM actions it needs. Mostly {@code prefix:Operation}; the table below holds the
 * service prefixes that differ from the SDK's service name and the operations that are not 1:1. An unknown service
 * is an error, so a collector that starts calling a new service cannot slip past the policy checks.
 */
public final class IamActionMapping {

    /** How the reports bucket encrypts objects: SSE-KMS adds KMS actions to object reads and writes. */
    public enum BucketEncryption { SSE_S3, SSE_KMS }

    /** SDK service name (lower case, as the client and its service id spell it) → IAM action prefix. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("sts", "sts"),
            Map.entry("organizations", "organizations"),
            Map.entry("iam", "iam"),
            Map.entry("lambda", "lambda"),
            Map.entry("ec2", "ec2"),
            Map.entry("cloudtrail", "cloudtrail"),
            Map.entry("config", "config"),
            Map.entry("configservice", "config"),
            Map.entry("config service", "config"),
            Map.entry("accessanalyzer", "access-analyzer"),
            Map.entry("signer", "signer"),
            Map.entry("s3", "s3"),
            Map.entry("resourcegroupstaggingapi", "tag"),
            Map.entry("resource groups tagging api", "tag"),
            Map.entry("kms", "kms"),
            Map.entry("securityhub", "securityhub"),
            Map.entry("sns", "sns"));

    /** Operations whose IAM action is not their own name. */
    private static final Map<String, String> RENAMED = Map.of(
            "s3:ListObjectsV2", "s3:ListBucket",
            "s3:ListObjects", "s3:ListBucket",
            "s3:HeadObject", "s3:GetObject",
            "s3:HeadBucket", "s3:ListBucket");

    /** What SSE-KMS adds to an object operation on the reports bucket. */
    private static final Map<String, String> KMS_FOR_OBJECT_ACTION = Map.of(
            "s3:PutObject", "kms:GenerateDataKey",
            "s3:GetObject", "kms:Decrypt");

    private IamActionMapping() {
    }

    public static List<String> actionsFor(SdkOperation operation, BucketEncryption encryption) {
        String prefix = PREFIXES.get(operation.service().toLowerCase(Locale.ROOT));
        if (prefix == null) {
            throw new IllegalArgumentException("no IAM prefix known for SDK service '" + operation.service()
                    + "': add it to " + IamActionMapping.class.getSimpleName());
        }
        String direct = prefix + ":" + operation.operation();
        String action = RENAMED.getOrDefault(direct, direct);
        String kms = encryption == BucketEncryption.SSE_KMS ? KMS_FOR_OBJECT_ACTION.get(action) : null;
        return kms == null ? List.of(action) : List.of(action, kms);
    }
}
