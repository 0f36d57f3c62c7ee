package io.lambdaguardrails.cli;

import io.lambdaguardrails.permissions.PermissionSet;
import io.lambdaguardrails.permissions.PolicyParameters;
import io.lambdaguardrails.permissions.RequiredPolicy;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Prints the exact IAM policy the scanner principal or the member-account role needs. */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
        description = "Print the IAM policy JSON the scanner principal (--for scanner) or the member-account "
                + "read-only role (--for member) needs. The scanner's Security Hub and SNS grants are added only "
                + "with --security-hub and --notify-topic.")
@Dependent
public class IamPolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--for", required = true, paramLabel = "scanner|member",
            description = "Whose policy to print: scanner or member.")
    String target;

    @Option(names = "--bucket", description = "Reports bucket (scanner only; required there).")
    String bucket;

    @Option(names = "--prefix", description = "Reports key prefix in the bucket (scanner only; default: none).")
    String prefix;

    @Option(names = "--member-role-name",
            description = "Member role name with optional path (scanner only; default: "
                    + PolicyParameters.DEFAULT_MEMBER_ROLE + ").")
    String memberRoleName;

    @Option(names = "--kms-key-arn",
            description = "KMS key of an SSE-KMS reports bucket (scanner only; adds kms:GenerateDataKey/Decrypt).")
    String kmsKeyArn;

    @Option(names = "--security-hub", paramLabel = "REGION",
            description = "Region of scan --security-hub (scanner only; adds securityhub:BatchImportFindings on the "
                    + "scanning account's default product there).")
    String securityHubRegion;

    @Option(names = "--notify-topic", paramLabel = "TOPIC_ARN",
            description = "SNS topic of scan --notify sns:TOPIC_ARN (scanner only; adds sns:Publish on that topic). "
                    + "Repeatable.")
    List<String> notifyTopics = List.of();

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(render());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String render() {
        PermissionSet set = parseTarget();
        if (set == PermissionSet.MEMBER) {
            if (bucket != null || prefix != null || memberRoleName != null || kmsKeyArn != null
                    || securityHubRegion != null || !notifyTopics.isEmpty()) {
                throw usageError("--bucket, --prefix, --member-role-name, --kms-key-arn, --security-hub and "
                        + "--notify-topic apply to --for scanner only: the member policy is the same in every account");
            }
            return RequiredPolicy.member();
        }
        try {
            return RequiredPolicy.scanner(new PolicyParameters(bucket, prefix, memberRoleName,
                    Optional.ofNullable(kmsKeyArn), Optional.ofNullable(securityHubRegion),
                    notifyTopics.stream().map(IamPolicyCommand::withoutScheme).toList()));
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** Accepts the topic as --notify spells it, {@code sns:arn:aws:sns:…}, too. */
    private static String withoutScheme(String topic) {
        return topic.startsWith("sns:arn:") ? topic.substring("sns:".length()) : topic;
    }

    private PermissionSet parseTarget() {
        try {
            return PermissionSet.fromCliName(target);
        } catch (IllegalArgumentException e) {
            throw usageError("--for: " + e.getMessage());
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
