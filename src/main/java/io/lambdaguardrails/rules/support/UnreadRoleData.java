package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the rules that judge an execution role's effective permissions ({@link RolePolicies}) could not read, per
 * scope: in each region, the functions whose role is missing from IAM or has a document that was not collected or
 * does not parse (those roles are not judged); in each account, SCPs that could not be applied (its roles are judged
 * on their own policies, which SCPs could only narrow). An account whose IAM was not read is coverage's to report.
 */
public final class UnreadRoleData {

    /** One scope ({@code global} for the account) and what was not read there. */
    public record Gap(String accountId, String region, String reason) {
    }

    private static final int MAX_LISTED = 3;

    private UnreadRoleData() {
    }

    /** The gaps for the functions {@code judged} selects (those the rule would judge, had it the data). */
    public static List<Gap> of(RuleContext context, Predicate<FunctionScope> judged) {
        List<Gap> gaps = new ArrayList<>();
        context.accounts().filter(a -> a.collected(AccountInventory.Part.IAM)).forEach(account -> {
            boolean judgesSome = false;
            for (var region : account.regions()) {
                Set<String> unread = new LinkedHashSet<>();
                for (var function : region.functions()) {
                    FunctionScope scope = new FunctionScope(account, region, function);
                    if (function.roleArn() != null && judged.test(scope)) {
                        judgesSome = true;
                        unread.addAll(unread(context, scope, account.iam()));
                    }
                }
                if (!unread.isEmpty()) {
                    gaps.add(new Gap(account.accountId(), region.region(),
                            "not read: " + Details.list(List.copyOf(unread), MAX_LISTED)));
                }
            }
            ScpPath scps = ScpPath.of(context, account.accountId());
            if (judgesSome && !scps.known()) {
                gaps.add(new Gap(account.accountId(), Coverage.GLOBAL,
                        scps.status().note() + "; execution roles judged on their own policies"));
            }
        });
        return gaps;
    }

    private static List<String> unread(RuleContext context, FunctionScope scope, IamInventory iam) {
        String roleName = scope.function().roleArn().substring(scope.function().roleArn().lastIndexOf('/') + 1);
        String of = " of role " + Details.quote(roleName) + " (function " + Details.quote(scope.function().name()) + ")";
        return iam.role(scope.function().roleArn())
                .map(role -> RolePolicies.unread(context, role, iam).stream().map(what -> what + of).toList())
                .orElse(List.of("role " + Details.quote(roleName) + " (function " + Details.quote(scope.function().name())
                        + ") not in IAM"));
    }
}
