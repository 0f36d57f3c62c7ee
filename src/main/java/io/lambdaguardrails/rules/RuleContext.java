package io.lambdaguardrails.rules;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.policy.PolicyDocument;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a rule evaluates against: the snapshot, the user's settings, the organisation and the scan date
 * (injected, so date-dependent rules are testable), and what rules derive from them once for all. Only accounts
 * that could be entered are visible.
 */
public record RuleContext(Snapshot snapshot, Settings settings, OrgView org, LocalDate today, Memo memo) {

    public static RuleContext of(Snapshot snapshot, Settings settings, LocalDate today) {
        return new RuleContext(snapshot, settings, OrgView.of(snapshot, settings), today, new Memo());
    }

    /**
     * A policy document parsed once however many rules read it, and however many roles or accounts carry the same
     * text; empty when there is none or it does not parse.
     */
    public Optional<PolicyDocument> policy(String json) {
        return memo.get(new ParsedPolicy(json), () -> PolicyDocument.tryParse(json));
    }

    private record ParsedPolicy(String json) {
    }

    public Stream<AccountInventory> accounts() {
        return snapshot.accounts().stream().filter(AccountInventory::evaluable);
    }

    public Stream<RegionScope> regions() {
        return accounts().flatMap(a -> a.regions().stream().map(r -> new RegionScope(a, r)));
    }

    public Stream<FunctionScope> functions() {
        return regions().flatMap(r -> r.region().functions().stream().map(f -> new FunctionScope(r.account(), r.region(), f)));
    }

    /** One region of one account. */
    public record RegionScope(AccountInventory account, RegionInventory region) {

        public Violation violation(String resourceType, String resourceArn, String resourceName, String detail,
                                   List<String> related) {
            return new Violation(account.accountId(), region.region(), resourceType, resourceArn, resourceName,
                    related, detail);
        }
    }

    /** One function with the account and region it lives in. */
    public record FunctionScope(AccountInventory account, RegionInventory region, LambdaFunction function) {

        public Violation violation(String detail, List<String> related) {
            return new Violation(account.accountId(), region.region(), "AWS::Lambda::Function", function.arn(),
                    function.name(), related, detail);
        }

        public Violation violation(String detail) {
            return violation(detail, List.of());
        }
    }
}
