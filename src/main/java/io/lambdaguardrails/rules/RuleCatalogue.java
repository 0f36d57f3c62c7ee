package io.lambdaguardrails.rules;

import io.lambdaguardrails.rules.access.ForeignAccountAccess;
import io.lambdaguardrails.rules.access.ForeignLayer;
import io.lambdaguardrails.rules.access.NonInvokeGrant;
import io.lambdaguardrails.rules.access.PermissiveUrlCors;
import io.lambdaguardrails.rules.access.PublicInvokePolicy;
import io.lambdaguardrails.rules.access.UnauthenticatedFunctionUrl;
import io.lambdaguardrails.rules.access.UnscopedServicePrincipal;
import io.lambdaguardrails.rules.audit.ConfigNotRecordingLambda;
import io.lambdaguardrails.rules.audit.NoAccessAnalyzer;
import io.lambdaguardrails.rules.audit.NoLambdaConfigRules;
import io.lambdaguardrails.rules.audit.NoLambdaDataEvents;
import io.lambdaguardrails.rules.audit.NoManagementEventTrail;
import io.lambdaguardrails.rules.audit.PolicyValidationIssues;
import io.lambdaguardrails.rules.audit.TrailNotHealthy;
import io.lambdaguardrails.rules.iam.AdministratorRole;
import io.lambdaguardrails.rules.iam.ExtraTrustedPrincipal;
import io.lambdaguardrails.rules.iam.MissingPermissionsBoundary;
import io.lambdaguardrails.rules.iam.MissingRequiredTags;
import io.lambdaguardrails.rules.iam.PrivilegeEscalation;
import io.lambdaguardrails.rules.iam.ServiceWildcardGrant;
import io.lambdaguardrails.rules.iam.SharedExecutionRole;
import io.lambdaguardrails.rules.iam.StaleExecutionRole;
import io.lambdaguardrails.rules.iam.UnusedServicePermissions;
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
import io.lambdaguardrails.rules.org.NoCodeSigningGuardrail;
import io.lambdaguardrails.rules.org.NoUrlAuthGuardrail;
import io.lambdaguardrails.rules.org.NoVpcGuardrail;
import io.lambdaguardrails.rules.runtime.DeprecatedRuntime;
import io.lambdaguardrails.rules.runtime.EnvironmentWithoutCustomerKey;
import io.lambdaguardrails.rules.runtime.SecretInEnvironment;
import io.lambdaguardrails.rules.runtime.SecretInTagsOrDescription;
import io.lambdaguardrails.rules.signing.CodeSigningNotEnforced;
import io.lambdaguardrails.rules.signing.NoCodeSigning;
import io.lambdaguardrails.rules.signing.UntrustedSigningProfile;

import java.util.List;
import java.util.Optional;

/** The explicit list of every rule the product ships, grouped by family in the order of the catalogue. Reviewable, and needs no classpath scanning. */
public final class RuleCatalogue {

    private static final List<Rule> RULES = List.of(
            // Network
            new FunctionNotInVpc(),
            new TooFewAvailabilityZones(),
            new PublicSubnet(),
            new OpenSecurityGroupEgress(),
            new OpenSecurityGroupIngress(),
            new NoVpcFlowLog(),
            new MissingVpcEndpoint(),
            new OpenNetworkAcl(),
            // Access: resource policies, function URLs, layers
            new PublicInvokePolicy(),
            new UnauthenticatedFunctionUrl(),
            new PermissiveUrlCors(),
            new ForeignAccountAccess(),
            new UnscopedServicePrincipal(),
            new NonInvokeGrant(),
            new ForeignLayer(),
            // Execution role
            new SharedExecutionRole(),
            new AdministratorRole(),
            new ServiceWildcardGrant(),
            new PrivilegeEscalation(),
            new MissingPermissionsBoundary(),
            new StaleExecutionRole(),
            new ExtraTrustedPrincipal(),
            new UnusedServicePermissions(),
            new MissingRequiredTags(),
            // Runtime
            new SecretInEnvironment(),
            new SecretInTagsOrDescription(),
            new DeprecatedRuntime(),
            new EnvironmentWithoutCustomerKey(),
            // Code integrity
            new NoCodeSigning(),
            new CodeSigningNotEnforced(),
            new UntrustedSigningProfile(),
            // Audit
            new NoManagementEventTrail(),
            new TrailNotHealthy(),
            new NoLambdaDataEvents(),
            new ConfigNotRecordingLambda(),
            new NoLambdaConfigRules(),
            new NoAccessAnalyzer(),
            new PolicyValidationIssues(),
            // Organisation guardrails (SCPs)
            new NoUrlAuthGuardrail(),
            new NoVpcGuardrail(),
            new NoCodeSigningGuardrail(),
            // Operations
            new NoReservedConcurrency(),
            new AsyncWithoutFailureDestination(),
            new TracingNotActive(),
            new TimeoutOrMemoryOutOfRange());

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
    }
}
