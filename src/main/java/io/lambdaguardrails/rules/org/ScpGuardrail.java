package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.inventory.snapshot.ServiceControlPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicyParseException;
import io.lambdaguardrails.policy.Request;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The question every ORG rule asks: does some SCP on the account's path (root, OUs, the account) deny each of these
 * requests? Not answered — no finding — when Organizations could not be read, for the management account (SCPs do
 * not bind it), for an account Organizations did not list, or when an SCP on the path does not parse.
 */
final class ScpGuardrail {

    private ScpGuardrail() {
    }

    /** One violation per scanned member account for which some request is denied by no SCP on its path. */
    static List<Violation> missing(RuleContext context, List<Request> requests, String guardrail) {
        OrgContext org = context.snapshot().org();
        if (!org.available()) {
            return List.of();
        }
        return context.accounts()
                .filter(a -> !a.accountId().equals(org.managementAccountId()))
                .flatMap(a -> org.account(a.accountId()).flatMap(member -> check(org, a, member, requests, guardrail)).stream())
                .toList();
    }

    private static Optional<Violation> check(OrgContext org, AccountInventory account, OrgAccount member,
                                             List<Request> requests, String guardrail) {
        return binding(org, member).map(scps -> requests.stream()
                        .filter(r -> scps.stream().noneMatch(scp -> scp.statements().stream().anyMatch(s -> s.deniesRequest(r))))
                        .map(Request::action)
                        .toList())
                .filter(undenied -> !undenied.isEmpty())
                .map(undenied -> AccountResource.global(account, "no SCP on the account's path ("
                        + String.join(" > ", member.path()) + ") " + guardrail + "; not denied: "
                        + String.join(", ", undenied), member.path()));
    }

    /** The parsed SCPs attached to any target on the member's path; empty when one of them does not parse. */
    private static Optional<List<PolicyDocument>> binding(OrgContext org, OrgAccount member) {
        List<PolicyDocument> documents = new ArrayList<>();
        for (ServiceControlPolicy scp : org.scps()) {
            if (scp.targetIds().stream().noneMatch(member.path()::contains)) {
                continue;
            }
            try {
                documents.add(PolicyDocument.parse(scp.document()));
            } catch (PolicyParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(documents);
    }
}
