package io.lambdaguardrails.rules;

import io.lambdaguardrails.rules.audit.ConfigNotRecordingLambda;
import io.lambdaguardrails.rules.audit.NoAccessAnalyzer;
import io.lambdaguardrails.rules.audit.NoLambdaConfigRules;
import io.lambdaguardrails.rules.audit.NoLambdaDataEvents;
import io.lambdaguardrails.rules.audit.NoManagementEventTrail;
import io.lambdaguardrails.rules.audit.PolicyValidationIssues;
import io.lambdaguardrails.rules.audit.TrailNotHealthy;
import io.lambdaguardrails.rules.network.FunctionNotInVpc;
import io.lambdaguardrails.rules.network.MissingVpcEndpoint;
import io.lambdaguardrails.rules.network.NoVpcFlowLog;
import io.lambdaguardrails.rules.network.OpenNetworkAcl;
import io.lambdaguardrails.rules.network.OpenSecurityGroupEgress;
import io.lambdaguardrails.rules.network.OpenSecurityGroupIngress;
import io.lambdaguardrails.rules.network.PublicSubnet;
import io.lambdaguardrails.rules.network.TooFewAvailabilityZones;
import io.lambdaguardrails.rules.ops.AsyncWithoutFailureDestination;
import io.lambdaguardrails.rules.ops.NoReservedConcurrency;
import io.lambdaguardrails.rules.ops.TimeoutOrMemoryOutOfRange;
import io.lambdaguardrails.rules.ops.TracingNotActive;
import io.lambdaguardrails.rules.runtime.DeprecatedRuntime;
import io.lambdaguardrails.rules.runtime.EnvironmentWithoutCustomerKey;
import io.lambdaguardrails.rules.runtime.SecretInEnvironment;
import io.lambdaguardrails.rules.runtime.SecretInTagsOrDescription;
import io.lambdaguardrails.rules.signing.CodeSigningNotEnforced;
import io.lambdaguardrails.rules.signing.NoCodeSigning;
import io.lambdaguardrails.rules.signing.UntrustedSigningProfile;

import java.util.List;
import java.util.Optional;

/** The explicit list of every rule the product ships, in id order. Reviewable, and needs no classpath scanning. */
public final class RuleCatalogue {

    private static final List<Rule> RULES = List.of(
            // Audit, network, operations, runtime and code-signing families
            new NoManagementEventTrail(),
            new TrailNotHealthy(),
            new NoLambdaDataEvents(),
            new ConfigNotRecordingLambda(),
            new NoLambdaConfigRules(),
            new NoAccessAnalyzer(),
            new PolicyValidationIssues(),
            new FunctionNotInVpc(),
            new TooFewAvailabilityZones(),
            new PublicSubnet(),
            new OpenSecurityGroupEgress(),
            new OpenSecurityGroupIngress(),
            new NoVpcFlowLog(),
            new MissingVpcEndpoint(),
            new OpenNetworkAcl(),
            new NoReservedConcurrency(),
            new AsyncWithoutFailureDestination(),
            new TracingNotActive(),
            new TimeoutOrMemoryOutOfRange(),
            new SecretInEnvironment(),
            new SecretInTagsOrDescription(),
            new DeprecatedRuntime(),
            new EnvironmentWithoutCustomerKey(),
            new NoCodeSigning(),
            new CodeSigningNotEnforced(),
            new UntrustedSigningProfile());

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
    }
}
