package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lambda function as configured. Secret values never reach this record: environment variables keep only
 * name, length and the detector's verdict, and flagged tag values and descriptions are redacted
 * (see {@link SecretFinding}). {@code resourcePolicy} is null when the function has none;
 * {@code url}, {@code codeSigningConfigArn}, {@code reservedConcurrency} and {@code eventInvoke} are null when absent —
 * or not collected, which {@link #collected} tells. {@code qualifiers} are the aliases, and the versions named by
 * event-source mappings or the function's policy, each with its own resource policy and URL; a list read as null (not
 * collected, or an inventory saved before they were read) is empty with {@link Part#QUALIFIERS} not collected.
 */
public record LambdaFunction(
        String arn,
        String name,
        String runtime,
        PackageType packageType,
        String roleArn,
        String description,
        Integer memorySize,
        Integer timeout,
        String lastModified,
        VpcAttachment vpc,
        List<EnvironmentVariable> environment,
        String kmsKeyArn,
        TracingMode tracingMode,
        List<String> layerArns,
        String deadLetterTargetArn,
        Map<String, String> tags,
        String resourcePolicy,
        FunctionUrl url,
        String codeSigningConfigArn,
        Integer reservedConcurrency,
        EventInvokeConfig eventInvoke,
        List<String> eventSourceArns,
        List<SecretFinding> secrets,
        List<Qualifier> qualifiers,
        Set<Part> notCollected) {

    /** The parts read with a call of their own, any of which may fail or be left out of the collection plan. */
    public enum Part {
        RESOURCE_POLICY, URL, TAGS, CODE_SIGNING, CONCURRENCY, EVENT_INVOKE, EVENT_SOURCES, QUALIFIERS
    }

    /** How the code is deployed; null when Lambda did not say. */
    public enum PackageType {
        ZIP, IMAGE
    }

    /** X-Ray tracing, with AWS's spelling for details; null when Lambda did not say. */
    public enum TracingMode {
        ACTIVE("Active"), PASS_THROUGH("PassThrough");

        private final String awsName;

        TracingMode(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }
    }

    public LambdaFunction {
        environment = List.copyOf(environment);
        layerArns = List.copyOf(layerArns);
        tags = Map.copyOf(tags);
        eventSourceArns = List.copyOf(eventSourceArns);
        secrets = List.copyOf(secrets);
        var missing = NotCollected.start(Part.class, notCollected);
        qualifiers = NotCollected.list(qualifiers, Part.QUALIFIERS, missing);
        notCollected = NotCollected.done(missing);
    }

    public LambdaFunction withVpc(VpcAttachment attachment) {
        return new LambdaFunction(arn, name, runtime, packageType, roleArn, description, memorySize, timeout,
                lastModified, attachment, environment, kmsKeyArn, tracingMode, layerArns, deadLetterTargetArn, tags,
                resourcePolicy, url, codeSigningConfigArn, reservedConcurrency, eventInvoke, eventSourceArns, secrets,
                qualifiers, notCollected);
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    public boolean vpcAttached() {
        return vpc != null && !vpc.subnetIds().isEmpty();
    }

    /** Subnets, security groups and the VPC they belong to (resolved from the subnets, not echoed by Lambda). */
    public record VpcAttachment(String vpcId, List<String> subnetIds, List<String> securityGroupIds) {
        public VpcAttachment {
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
        }
    }

    /** An environment variable without its value. {@code fingerprint} is an HMAC, set only for flagged values. */
    public record EnvironmentVariable(String name, int valueLength, String detector, String fingerprint) {
        public boolean flagged() {
            return detector != null;
        }
    }

    public record FunctionUrl(String url, AuthType authType, Cors cors) {

        /** Who may call the URL: anyone ({@code NONE}), or callers signing with IAM; null when not said. */
        public enum AuthType {
            NONE, AWS_IAM, UNKNOWN;

            @JsonCreator
            public static AuthType of(String text) {
                return AwsNames.of(AuthType.class, text);
            }
        }
    }

    /**
     * An alias ({@code live}, pointing at {@code functionVersion}) or a version ({@code 7}, {@code functionVersion}
     * null) of the function: invoked through its qualified ARN, it is authorised by its own resource policy and may
     * have its own URL. {@code resourcePolicy} and {@code url} are null when absent or not collected.
     */
    public record Qualifier(String name, String functionVersion, String resourcePolicy, FunctionUrl url,
                            Set<Part> notCollected) {

        /** The reads made for each qualifier. */
        public enum Part {
            RESOURCE_POLICY, URL
        }

        public Qualifier {
            notCollected = NotCollected.of(Part.class, notCollected);
        }

        public boolean collected(Part part) {
            return !notCollected.contains(part);
        }

        /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME:QUALIFIER}. */
        public String arn(String functionArn) {
            return functionArn + ":" + name;
        }
    }

    public record Cors(List<String> allowOrigins, boolean allowCredentials) {
        public Cors {
            allowOrigins = List.copyOf(allowOrigins);
        }
    }

    /** Asynchronous invocation settings: where failed events go ({@code null} when nowhere). */
    public record EventInvokeConfig(String onFailureDestination, String onSuccessDestination) {
    }
}
