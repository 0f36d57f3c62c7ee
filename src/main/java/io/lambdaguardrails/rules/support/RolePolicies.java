package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything that decides what a function's execution role may do: its identity policies (inline, and each attached
 * managed policy's default version), its permissions boundary and the SCPs on its account's path — and the request
 * context a session of the role carries (who it is; not where, when or on what it acts). Empty when IAM was not read,
 * the role is not in it, or one of its documents was not collected or does not parse: a role whose permissions are
 * only partly known is not judged. SCPs that cannot be applied are left out, and {@link #scps()} says why.
 */
public record RolePolicies(IamRole role, String accountId, String region, PolicySet policies, ScpPath scps,
                           RequestContext context) {

    /** The function's role, read once per rule context for all the functions that share it in one region. */
    public static Optional<RolePolicies> of(RuleContext context, FunctionScope scope) {
        AccountInventory account = scope.account();
        String roleArn = scope.function().roleArn();
        if (!account.collected(AccountInventory.Part.IAM) || roleArn == null) {
            return Optional.empty();
        }
        String region = scope.region().region();
        return context.memo().get(new Role(account.accountId(), roleArn, region), () -> read(context, account, roleArn, region));
    }

    private static Optional<RolePolicies> read(RuleContext context, AccountInventory account, String roleArn, String region) {
        IamInventory iam = account.iam();
        return iam.role(roleArn).filter(role -> unread(context, role, iam).isEmpty()).map(role -> {
            PolicySet set = PolicySet.identity(identity(context, role, iam));
            if (role.permissionsBoundaryArn() != null) {
                set = set.withBoundary(managed(context, iam, role.permissionsBoundaryArn()).orElseThrow());
            }
            ScpPath scps = ScpPath.of(context, account.accountId());
            return new RolePolicies(role, account.accountId(), region,
                    set.withScps(scps.levels()), scps, session(role, account.accountId(), context));
        });
    }

    /** The role's documents that were not collected or do not parse, as a reader would name them; none when all read. */
    public static List<String> unread(RuleContext context, IamRole role, IamInventory iam) {
        List<String> out = new ArrayList<>();
        for (IamRole.InlinePolicy inline : role.inlinePolicies()) {
            if (context.policy(inline.document()).isEmpty()) {
                out.add("inline policy " + Details.quote(inline.name()) + " (does not parse)");
            }
        }
        for (String arn : role.attachedPolicyArns()) {
            if (managed(context, iam, arn).isEmpty()) {
                out.add("managed policy " + Details.safe(arn));
            }
        }
        if (role.permissionsBoundaryArn() != null && managed(context, iam, role.permissionsBoundaryArn()).isEmpty()) {
            out.add("permissions boundary " + Details.safe(role.permissionsBoundaryArn()));
        }
        return out;
    }

    /** The decision for the role acting on a resource of its own account (the identity side of the question). */
    public Evaluation evaluate(String action, String resource) {
        var principal = RequestPrincipal.sessionOf(role.arn(), role.name());
        return AccessEvaluator.evaluate(policies, new AccessRequest(principal, action, resource, accountId, context));
    }

    /** A resource of the action's type that no statement names on purpose. */
    public String probe(String action) {
        return ProbeResources.forAction(action, region, accountId);
    }

    /**
     * Where the identity policies allow {@code action}, as they say it: each Resource pattern of an Allow statement
     * covering it ({@code *} for a statement on every resource or with NotResource), with a resource it names.
     */
    public Map<String, String> grantedOn(String action) {
        var out = new LinkedHashMap<String, String>();
        for (NamedPolicy policy : policies.identity()) {
            for (Statement s : policy.document().statements()) {
                if (s.allows() && s.covers(action)) {
                    resources(s, action).forEach(out::putIfAbsent);
                }
            }
        }
        return out;
    }

    /**
     * The statement's Resource patterns that can name a resource of the action's service ({@code *} for every
     * resource or NotResource), each with a resource it names.
     */
    public Map<String, String> resources(Statement s, String action) {
        var out = new LinkedHashMap<String, String>();
        if (!s.notResources().isEmpty() || s.resources().isEmpty() || s.resources().contains("*")) {
            out.put("*", probe(action));
        } else {
            s.resources().stream().filter(p -> ProbeResources.fits(p, action))
                    .forEach(p -> out.putIfAbsent(p, ProbeResources.instantiate(p)));
        }
        return out;
    }

    /**
     * Whether the role may effectively call some action of {@code service} ({@code kms}) that {@code ignored} does
     * not set aside: each action an Allow of the identity policies names for the service (a wildcard or NotAction
     * standing for an action no policy names) is put to the evaluator on each resource the statement grants it on,
     * so the boundary, explicit Denies and SCPs decide.
     */
    public boolean mayUse(String service, Predicate<String> ignored) {
        for (NamedPolicy policy : policies.identity()) {
            for (Statement s : policy.document().statements()) {
                if (!s.allows() || !s.coversAnyActionOf(service)) {
                    continue;
                }
                for (String action : actionsOf(s, service)) {
                    if (!ignored.test(action)
                            && resources(s, action).values().stream().anyMatch(r -> !evaluate(action, r).denied())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The statement's actions of the service, a wildcard replaced by an action it covers that no policy names. */
    private static List<String> actionsOf(Statement s, String service) {
        String unnamed = service + ":LgProbeAnyAction";
        if (s.usesNotAction()) {
            return List.of(unnamed);
        }
        List<String> out = new ArrayList<>();
        for (String pattern : s.actions()) {
            if (!Actions.matchesSomeActionOf(pattern, service)) {
                continue;
            }
            String named = service.equals(Actions.service(pattern).orElse(""))
                    ? pattern.replace("*", "LgProbe").replace("?", "X") : unnamed;
            out.add(s.covers(named) ? named : unnamed);
        }
        return out;
    }

    /** The inline and attached policies, every one of them readable ({@link #unread} is empty). */
    private static List<NamedPolicy> identity(RuleContext context, IamRole role, IamInventory iam) {
        List<NamedPolicy> out = new ArrayList<>();
        role.inlinePolicies().forEach(inline -> out.add(new NamedPolicy(inline.name(),
                context.policy(inline.document()).orElseThrow())));
        role.attachedPolicyArns().forEach(arn -> out.add(managed(context, iam, arn).orElseThrow()));
        return out;
    }

    /** A managed policy named by its ARN, when its default version was collected and parses. */
    private static Optional<NamedPolicy> managed(RuleContext context, IamInventory iam, String arn) {
        return iam.managedPolicy(arn).flatMap(p -> context.policy(p.document())).map(d -> new NamedPolicy(arn, d));
    }

    /**
     * What a session of the role is known to carry: who it is, its tags, its organisation, no MFA. Keys about the
     * request itself (region, time, source, tags of the resource) stay unknown.
     */
    private static RequestContext session(IamRole role, String accountId, RuleContext context) {
        RequestContext c = RequestContext.open()
                .with("aws:PrincipalArn", role.arn())
                .with("aws:PrincipalAccount", accountId)
                .with("aws:PrincipalType", "AssumedRole")
                .with("aws:PrincipalIsAWSService", "false")
                .without("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge");
        if (context.org().organizationId() != null) {
            c = c.with("aws:PrincipalOrgID", context.org().organizationId());
        }
        for (var tag : role.tags().entrySet()) {
            c = c.with("aws:PrincipalTag/" + tag.getKey(), tag.getValue());
        }
        return c;
    }

    private record Role(String accountId, String arn, String region) {
    }
}
