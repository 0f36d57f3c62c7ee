package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.ManagedPolicy;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * AWS-managed policy documents, fetched once per run by ARN (they are identical in every account) with whichever
 * account's IAM client first needs one.
 */
public final class AwsManagedPolicies {

    private final ConcurrentMap<String, Optional<ManagedPolicy>> cache = new ConcurrentHashMap<>();

    private static final Pattern AWS_MANAGED = Pattern.compile("arn:aws[\\w-]*:iam::aws:policy/.*");

    public static boolean isAwsManaged(String arn) {
        return AWS_MANAGED.matcher(arn).matches();
    }

    Optional<ManagedPolicy> get(String arn, IamClient iam, ApiCaller calls) {
        Optional<ManagedPolicy> cached = cache.get(arn);
        if (cached != null) {
            return cached;
        }
        var policy = calls.call(IamCollector.NAME, "iam:GetPolicy", () -> iam.getPolicy(r -> r.policyArn(arn)).policy());
        if (!policy.succeeded()) {
            return Optional.empty();
        }
        var version = calls.call(IamCollector.NAME, "iam:GetPolicyVersion",
                () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.value().defaultVersionId())).policyVersion());
        if (!version.succeeded()) {
            return Optional.empty();
        }
        Optional<ManagedPolicy> fetched = Optional.of(new ManagedPolicy(arn, policy.value().policyName(), true,
                IamCollector.decode(version.value().document())));
        cache.putIfAbsent(arn, fetched);
        return fetched;
    }
}
