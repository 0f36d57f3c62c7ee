package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.rules.support.PollerPermissions;
import io.lambdaguardrails.rules.support.RolePolicies;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LG-IAM-008: access advisor shows services the execution role may use but has not used within
 * {@code iam.unusedServiceDays}. Needs {@link IamRole#serviceLastAccessed()}, collected only when this rule is on.
 * A service never used counts once the role is older than the window. A service the role reaches only with the
 * actions Lambda's poller needs for the function's event source ({@link PollerPermissions}) is not the code's to
 * give up: removing them breaks the mapping. When the event sources or the role's policies were not read, a
 * service that might be one of those is left out.
 */
public final class UnusedServicePermissions extends ExecutionRoleRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-008",
            "Execution role grants services it does not use",
            Family.IAM, Severity.MEDIUM, false,
            "Access advisor records when a role last used each service its policies allow. Services the function has "
                    + "not touched for months are permissions it does not need; removing them shrinks what a "
                    + "compromised function could reach.",
            "Remove the unused services from the role's policies (aws iam get-service-last-accessed-details shows "
                    + "them; aws iam put-role-policy / create-policy-version to narrow).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html"),
            List.of());

    private static final int MAX_LISTED = 8;

    public UnusedServicePermissions() {
        super(META, IamRole.Part.SERVICE_LAST_ACCESSED, LambdaFunction.Part.EVENT_SOURCES);
    }

    @Override
    protected List<String> unread(IamRole role) {
        return role.collected(IamRole.Part.SERVICE_LAST_ACCESSED) ? List.of() : List.of("access advisor data");
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        if (!role.role().collected(IamRole.Part.SERVICE_LAST_ACCESSED)) {
            return Optional.empty();
        }
        int days = context.settings().iam().unusedServiceDays();
        Instant threshold = context.today().minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
        Optional<List<NamedPolicy>> identity = RolePolicies.of(context, scope).map(p -> p.policies().identity());
        List<String> unused = unused(role.role(), threshold).stream()
                .filter(service -> !forThePoller(service, scope, identity))
                .map(Details::safe)
                .toList();
        return unused.isEmpty() ? Optional.empty()
                : Optional.of(role.violation(scope, " grants " + unused.size()
                        + " service(s) unused for " + days + "+ days: " + Details.list(unused, MAX_LISTED)));
    }

    /** Whether the role's grants for the service may be only what the poller needs for the function's event sources. */
    private static boolean forThePoller(String service, FunctionScope scope, Optional<List<NamedPolicy>> identity) {
        boolean polled = scope.function().collected(LambdaFunction.Part.EVENT_SOURCES)
                ? PollerPermissions.polled(scope.function()).contains(service)
                : PollerPermissions.pollable(service);
        return polled && identity.map(i -> PollerPermissions.onlyPolling(i, service)).orElse(true);
    }

    private static List<String> unused(IamRole role, Instant threshold) {
        boolean oldEnough = role.createDate() == null || role.createDate().isBefore(threshold);
        return role.serviceLastAccessed().stream()
                .filter(s -> s.lastAccessed() == null ? oldEnough : s.lastAccessed().isBefore(threshold))
                .map(s -> s.namespace().toLowerCase(Locale.ROOT))
                .toList();
    }
}
