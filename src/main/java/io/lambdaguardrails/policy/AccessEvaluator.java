package io.lambdaguardrails.policy;

import java.util.ArrayList;
import java.util.List;


/**
 * Decides a request as AWS's policy evaluation logic does (IAM User Guide, "Policy evaluation logic"):
 * <ol>
 * <li>an applicable explicit Deny in any policy refuses it;</li>
 * <li>for a caller authenticated in an account, every level of the SCP path (root, each OU, the account) must
 *     have an Allow for it;</li>
 * <li>in the resource's own account, an identity-policy Allow (within the permissions boundary) or a resource-policy
 *     Allow naming the caller grants it; a resource-policy Allow naming the caller's role is still capped by the
 *     boundary, one naming the account only delegates to identity policies;</li>
 * <li>across accounts, both the caller's identity policies (within the boundary) and the resource policy must
 *     allow;</li>
 * <li>services, federated and anonymous callers are authorised by the resource (or trust) policy alone.</li>
 * </ol>
 * Every step is three-valued, so unknown request context yields {@link Decision#DEPENDS_ON_CONTEXT} with the keys.
 * Not modelled: session policies, VPC endpoint policies, resource control policies, service-specific rules (KMS key
 * policies, S3 ACLs and Block Public Access).
 */
public final class AccessEvaluator {

    private AccessEvaluator() {
    }

    public static Evaluation evaluate(PolicySet policies, AccessRequest request) {
        var granting = new ArrayList<StatementRef>();
        var denying = new ArrayList<StatementRef>();
        boolean inAccount = request.principal().inAccount();

        List<Matched> identity = inAccount ? matched(PolicyKind.IDENTITY, policies.identity(), request, false) : List.of();
        List<Matched> boundary = inAccount ? matched(PolicyKind.BOUNDARY, policies.boundary().stream().toList(), request, false) : List.of();
        List<Matched> resource = matched(PolicyKind.RESOURCE, policies.resource().stream().toList(), request,
                policies.boundary().isPresent());
        List<List<Matched>> scps = inAccount
                ? policies.scps().stream().map(level -> matched(PolicyKind.SCP, level.policies(), request, false)).toList()
                : List.of();

        var all = new ArrayList<Matched>();
        all.addAll(identity);
        all.addAll(boundary);
        all.addAll(resource);
        scps.forEach(all::addAll);
        Truth denied = Truth.anyOf(all.stream().filter(m -> m.effect() == Effect.DENY).map(m -> record(m, denying)).toList());

        Truth scpAllows = Truth.allOf(scps.stream().map(AccessEvaluator::anyAllow).toList());
        Truth withinBoundary = policies.boundary().isPresent() ? anyAllow(boundary) : Truth.TRUE;
        Truth identityAllows = anyAllow(identity).and(withinBoundary);
        Truth resourceDirect = resourceAllow(resource, PrincipalMatch.DIRECT);
        Truth resourceRole = resourceAllow(resource, PrincipalMatch.SESSION_ROLE);
        Truth resourceAccount = resourceAllow(resource, PrincipalMatch.ACCOUNT);

        Truth granted;
        if (!inAccount) {
            granted = resourceDirect;
        } else if (request.sameAccount()) {
            granted = identityAllows.or(resourceRole.and(withinBoundary)).or(resourceDirect);
        } else {
            granted = identityAllows.and(resourceDirect.or(resourceRole).or(resourceAccount));
        }
        Truth allowed = denied.not().and(scpAllows).and(granted);

        if (!allowed.isFalse()) {
            identity.stream().filter(m -> m.effect() == Effect.ALLOW).forEach(m -> record(m, granting));
            resource.stream().filter(m -> m.effect() == Effect.ALLOW).forEach(m -> record(m, granting));
        }
        Decision decision = switch (allowed.value()) {
            case TRUE -> Decision.ALLOWED;
            case FALSE -> Decision.DENIED;
            case UNKNOWN -> Decision.DEPENDS_ON_CONTEXT;
        };
        return new Evaluation(decision, allowed.keys(), granting, denying);
    }

    /** A statement that may apply to the request: how surely, and (for resource policies) how it names the caller. */
    private record Matched(StatementRef ref, Effect effect, Truth applies, PrincipalMatch principal) {
    }

    private static Truth record(Matched m, List<StatementRef> into) {
        into.add(m.ref());
        return m.applies();
    }

    private static Truth anyAllow(List<Matched> matched) {
        return Truth.anyOf(matched.stream().filter(m -> m.effect() == Effect.ALLOW).map(Matched::applies).toList());
    }

    private static Truth resourceAllow(List<Matched> matched, PrincipalMatch kind) {
        return Truth.anyOf(matched.stream().filter(m -> m.effect() == Effect.ALLOW && m.principal() == kind)
                .map(Matched::applies).toList());
    }

    /** The statements of these policies that apply, or may apply, to the request. */
    private static List<Matched> matched(PolicyKind kind, List<NamedPolicy> policies, AccessRequest request,
                                         boolean boundaryPresent) {
        var out = new ArrayList<Matched>();
        for (NamedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                PrincipalMatch principal = kind == PolicyKind.RESOURCE
                        ? principal(s, request.principal(), boundaryPresent) : PrincipalMatch.DIRECT;
                if (principal == PrincipalMatch.NONE || !s.covers(request.action())) {
                    continue;
                }
                Truth applies = s.coversResource(request.resource(), request.context()).and(s.conditionsHold(request.context()));
                if (!applies.isFalse()) {
                    out.add(new Matched(new StatementRef(kind, policy.name(), i + 1, s.sid(), s.effect(), applies.isUnknown()),
                            s.effect(), applies, principal));
                }
            }
        }
        return out;
    }

    /**
     * How the statement's Principal names the caller. A NotPrincipal statement applies to whoever it does not name —
     * except that a Deny with NotPrincipal always applies to a caller with a permissions boundary (IAM User Guide,
     * "AWS JSON policy elements: NotPrincipal").
     */
    private static PrincipalMatch principal(Statement s, RequestPrincipal caller, boolean boundaryPresent) {
        if (!s.notPrincipals().isEmpty()) {
            if (s.denies() && boundaryPresent && caller.inAccount()) {
                return PrincipalMatch.DIRECT;
            }
            boolean named = s.notPrincipals().stream().anyMatch(p -> caller.matchedBy(p) != PrincipalMatch.NONE);
            return named ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
        }
        return s.principals().stream().map(caller::matchedBy)
                .max(Enum::compareTo).orElse(PrincipalMatch.NONE);
    }

}
