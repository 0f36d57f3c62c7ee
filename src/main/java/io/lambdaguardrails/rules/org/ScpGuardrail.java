package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
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
 * level denies it, or when a level's allow-list does not allow it (an action must be allowed at every level). One
 * violation per scanned member account for which some call is not prevented; none for the management account (SCPs
 * do not bind it). Not answered — listed by {@link #notEvaluated} — when Organizations or its SCPs could not be read,
 * for an account Organizations did not list, or when an SCP on the path does not parse.
 */
abstract class ScpGuardrail extends Rule {

    /** What an account administrator may do: the identity side of the calls, so that only SCPs decide. */
    private static final NamedPolicy ADMINISTRATOR = new NamedPolicy("account administrator", PolicyDocument.tryParse(
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").orElseThrow());
    private static final String REGION = "us-east-1";

    private final String guardrail;
    private final List<Call> calls;

    /** @param guardrail what the missing SCP would do, as the finding says it: "denies functions without …" */
    ScpGuardrail(RuleMeta meta, String guardrail, List<Call> calls) {
        super(meta);
        this.guardrail = guardrail;
        this.calls = List.copyOf(calls);
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

    /** Whether the settings ask for this guardrail; always, unless a rule says otherwise. */
    protected boolean expected(RuleContext context) {
        return true;
    }

    @Override
    public final List<Violation> evaluate(RuleContext context) {
        if (!expected(context)) {
            return List.of();
        }
        return context.accounts()
                .flatMap(a -> check(context, ScpPath.of(context, a.accountId()), a).stream())
                .toList();
    }

    /**
     * The scanned accounts whose SCPs could not be applied — Organizations or its SCPs not read, the account not
     * listed, an SCP on its path that does not parse — each with why. The management account is not among them: SCPs
     * do not bind it.
     */
    @Override
    public final List<NotEvaluated> notEvaluated(RuleContext context) {
        if (!expected(context)) {
            return List.of();
        }
        return context.accounts().<NotEvaluated>mapMulti((account, unanswered) -> {
            ScpPath path = ScpPath.of(context, account.accountId());
            if (!path.known()) {
                unanswered.accept(cannotJudge(account.accountId(), Coverage.GLOBAL, path.status().note()));
            }
        }).toList();
    }

    private Optional<Violation> check(RuleContext context, ScpPath path, AccountInventory account) {
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
