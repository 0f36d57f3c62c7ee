package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.AccountResource;
import io.lambdaguardrails.rules.support.ProbeResources;
import io.lambdaguardrails.rules.support.ScpPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The question every ORG rule asks: do the SCPs on the account's path (root, OUs, the account) prevent each of these
 * calls by an ordinary principal of the account that its own policies allow everything? A call is prevented when a
 * level denies it, or when a level's allow-list does not allow it (an action must be allowed at every level). No
 * finding for the management account (SCPs do not bind it); not answered — listed by {@link #unanswered} — when
 * Organizations or its SCPs could not be read, for an account Organizations did not list, or when an SCP on the
 * path does not parse.
 */
final class ScpGuardrail {

    /** What an account administrator may do: the identity side of the calls, so that only SCPs decide. */
    private static final NamedPolicy ADMINISTRATOR = new NamedPolicy("account administrator", PolicyDocument.tryParse(
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").orElseThrow());
    private static final String REGION = "us-east-1";

    private ScpGuardrail() {
    }

    /** A call the guardrail should prevent: the action and the context keys it carries or lacks. */
    record Call(String action, RequestContext context) {

        static Call of(String action) {
            return new Call(action, RequestContext.open());
        }

        Call with(String key, String value) {
            return new Call(action, context.with(key, value));
        }

        Call without(String... keys) {
            return new Call(action, context.without(keys));
        }
    }

    /** One violation per scanned member account for which some call is not prevented by the SCPs on its path. */
    static List<Violation> missing(RuleContext context, List<Call> calls, String guardrail) {
        return context.accounts()
                .flatMap(a -> check(context, ScpPath.of(context, a.accountId()), a, calls, guardrail).stream())
                .toList();
    }

    /**
     * The scanned accounts whose SCPs could not be applied — Organizations or its SCPs not read, the account not
     * listed, an SCP on its path that does not parse — each with why: the guardrail question is unanswered there.
     * The management account is not among them: SCPs do not bind it.
     */
    static List<Unanswered> unanswered(RuleContext context) {
        return context.accounts()
                .map(a -> new Unanswered(a.accountId(), ScpPath.of(context, a.accountId())))
                .filter(u -> !u.path().known())
                .toList();
    }

    /** An account the guardrail question could not be answered for, and the SCP path that says why. */
    record Unanswered(String accountId, ScpPath path) {

        String reason() {
            return path.status().note();
        }
    }

    private static Optional<Violation> check(RuleContext context, ScpPath path, AccountInventory account,
                                             List<Call> calls, String guardrail) {
        if (path.status() != ScpPath.Status.APPLIED) {
            return Optional.empty();
        }
        PolicySet policies = PolicySet.identity(List.of(ADMINISTRATOR)).withScps(path.levels());
        List<String> allowed = new ArrayList<>();
        for (Call call : calls) {
            Evaluation e = AccessEvaluator.evaluate(policies, request(context, account.accountId(), call));
            if (!e.denied()) {
                allowed.add(call.action() + (e.dependsOn().isEmpty() ? "" : " (depends on "
                        + String.join(", ", new TreeSet<>(e.dependsOn()).stream().map(Details::safe).toList()) + ")"));
            }
        }
        return allowed.isEmpty() ? Optional.empty()
                : Optional.of(AccountResource.global(account, "no SCP on the account's path ("
                        + String.join(" > ", path.targets()) + ") " + guardrail + "; not denied: "
                        + String.join(", ", allowed), path.targets()));
    }

    /** The call made by an ordinary role of the account: no break-glass name, tag or MFA exempts it. */
    private static AccessRequest request(RuleContext context, String accountId, Call call) {
        String role = "arn:aws:iam::" + accountId + ":role/" + ProbeResources.NAME;
        RequestContext known = call.context()
                .with("aws:PrincipalArn", role)
                .with("aws:PrincipalAccount", accountId)
                .with("aws:PrincipalType", "AssumedRole")
                .with("aws:PrincipalIsAWSService", "false")
                .without("aws:username");
        if (context.org().organizationId() != null) {
            known = known.with("aws:PrincipalOrgID", context.org().organizationId());
        }
        return new AccessRequest(RequestPrincipal.sessionOf(role, "guardrail-check"), call.action(),
                ProbeResources.forAction(call.action(), REGION, accountId), accountId, known);
    }
}
