package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who besides Lambda may assume a function's execution role, asked of the access evaluator over the role's trust
 * policy (a resource policy on the role): the callers it gives reason to ask about ({@link Callers}: anyone, the
 * accounts, organisations, principals and services it names, our account) for {@code sts:AssumeRole}, and each
 * identity provider it names for {@code sts:AssumeRoleWithWebIdentity} and {@code sts:AssumeRoleWithSAML}. A Deny,
 * or a condition no such caller can meet, removes a party; conditions on keys we cannot know (the token's
 * {@code sub}, a source IP) leave it depending on context.
 */
public final class RoleTrust {

    private static final Set<String> LAMBDA = Set.of("lambda.amazonaws.com", "edgelambda.amazonaws.com");
    /** What the caller's own policies are taken to allow: the sts action, which its administrators may grant. */
    private static final NamedPolicy OWN_POLICIES = new NamedPolicy("caller's own policies", PolicyDocument.tryParse(
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"}]}").orElseThrow());
    /** Stands for the role's account so that the trust policy must allow even a caller of that account. */
    private static final String TRUST = "trust-policy";
    private static final List<String> FEDERATED_ACTIONS = List.of("sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML");

    private RoleTrust() {
    }

    /**
     * The parties, judged once per rule context for all the functions that share the role; empty when IAM was not
     * read, the role is not in it, or its trust policy does not parse.
     */
    public static Optional<List<Truster>> of(RuleContext context, FunctionScope scope) {
        AccountInventory account = scope.account();
        if (!account.collected(AccountInventory.Part.IAM) || scope.function().roleArn() == null) {
            return Optional.empty();
        }
        String roleArn = scope.function().roleArn();
        return context.memo().get(new Role(account.accountId(), roleArn), () -> account.iam().role(roleArn)
                .flatMap(r -> context.policy(r.trustPolicy())
                        .map(trust -> of(r, trust, context.org().membership(account.accountId())))));
    }

    static List<Truster> of(IamRole role, PolicyDocument trust, Membership membership) {
        NamedPolicy policy = new NamedPolicy("trust policy", trust);
        Map<Key, Outcome> outcomes = new LinkedHashMap<>();
        for (Caller asked : Callers.of(trust, membership)) {
            if (asked.who().kind() == RequestPrincipal.Kind.SERVICE && LAMBDA.contains(asked.who().id().toLowerCase(Locale.ROOT))) {
                continue; // Lambda assumes an execution role only for functions it was passed to, whoever they belong to
            }
            outcomes.computeIfAbsent(new Key(asked.kind(), asked.principal(), false), k -> new Outcome())
                    .add(assume(policy, asked.who(), asked.context(), "sts:AssumeRole", role.arn()));
        }
        for (String provider : providers(trust)) {
            Outcome outcome = outcomes.computeIfAbsent(new Key(InvokerKind.FOREIGN_ACCOUNT, provider, true), k -> new Outcome());
            FEDERATED_ACTIONS.forEach(action -> outcome.add(assume(policy, RequestPrincipal.federated(provider),
                    RequestContext.open(), action, role.arn())));
        }
        List<Truster> out = new ArrayList<>();
        outcomes.forEach((key, outcome) -> {
            if (outcome.possible()) {
                out.add(new Truster(key.kind(), key.principal(), key.identityProvider(), outcome.decision(),
                        outcome.dependsOn(), outcome.statements()));
            }
        });
        return List.copyOf(out);
    }

    /**
     * Whether {@code who} may assume the role. Whoever the trust policy names may hold the sts action in its own
     * policies; but unlike other resources, a role is assumed only when its trust policy allows it, within its own
     * account too (IAM User Guide, "How IAM roles differ from resource-based policies") — so the request is put as
     * one across accounts, where both sides must allow.
     */
    private static Evaluation assume(NamedPolicy trust, RequestPrincipal who, RequestContext context, String action, String roleArn) {
        PolicySet policies = who.inAccount() ? PolicySet.identity(List.of(OWN_POLICIES)).withResource(trust) : PolicySet.resource(trust);
        return AccessEvaluator.evaluate(policies, new AccessRequest(who, action, roleArn, TRUST, context));
    }

    private record Key(InvokerKind kind, String principal, boolean identityProvider) {
    }

    private record Role(String accountId, String arn) {
    }

    private static Set<String> providers(PolicyDocument trust) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : trust.statements()) {
            s.principals().stream().filter(p -> p.kind() == Principal.Kind.FEDERATED).map(Principal::id).forEach(out::add);
        }
        return out;
    }
}
