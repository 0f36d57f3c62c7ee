package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the rules that judge a function's execution role could not read, per scope: in each region, the functions
 * whose role is missing from IAM or has a document the rule needs that was not collected or does not parse (those
 * roles are not judged); for the rules of effective permissions ({@link RolePolicies}), in each account, SCPs that
 * could not be applied (its roles are judged on their own policies, which SCPs could only narrow). An account whose
 * IAM was not read is coverage's to report.
 */
public final class UnreadRoleData {

    /** One scope ({@code global} for the account) and what was not read there. */
    public record Gap(String accountId, String region, String reason) {
    }

    private static final int MAX_LISTED = 3;

    private UnreadRoleData() {
    }

    /** The gaps of the effective-permission rules for the functions {@code judged} selects (those the rule would judge, had it the data). */
    public static List<Gap> of(RuleContext context, Predicate<FunctionScope> judged) {
        List<Gap> gaps = new ArrayList<>();
        context.accounts().filter(a -> a.collected(AccountInventory.Part.IAM)).forEach(account -> {
            List<FunctionScope> judging = withRole(account).filter(judged).toList();
            gaps.addAll(regions(account, judging, scope -> unread(scope, role -> RolePolicies.unread(context, role, account.iam()))));
            ScpPath scps = ScpPath.of(context, account.accountId());
            if (!judging.isEmpty() && !scps.known()) {
                gaps.add(new Gap(account.accountId(), Coverage.GLOBAL,
                        scps.status().note() + "; execution roles judged on their own policies"));
            }
        });
        return gaps;
    }

    /**
     * Per region, the functions whose role is not in IAM or whose role has something {@code unread} names (as a
     * reader would name it: {@code "trust policy"}) — for a rule that judges every function with a role.
     */
    public static List<Gap> forEveryRole(RuleContext context, Function<IamRole, List<String>> unread) {
        return context.accounts().filter(a -> a.collected(AccountInventory.Part.IAM))
                .flatMap(account -> regions(account, withRole(account).toList(), scope -> unread(scope, unread)).stream())
                .toList();
    }

    private static Stream<FunctionScope> withRole(AccountInventory account) {
        return account.regions().stream().flatMap(region -> region.functions().stream()
                .filter(f -> f.roleArn() != null).map(f -> new FunctionScope(account, region, f)));
    }

    private static List<Gap> regions(AccountInventory account, List<FunctionScope> judged,
                                     Function<FunctionScope, List<String>> unread) {
        Map<String, Set<String>> byRegion = new LinkedHashMap<>();
        judged.forEach(scope -> byRegion.computeIfAbsent(scope.region().region(), r -> new LinkedHashSet<>())
                .addAll(unread.apply(scope)));
        List<Gap> gaps = new ArrayList<>();
        byRegion.forEach((region, unreadThere) -> {
            if (!unreadThere.isEmpty()) {
                gaps.add(new Gap(account.accountId(), region, "not read: " + Details.list(List.copyOf(unreadThere), MAX_LISTED)));
            }
        });
        return gaps;
    }

    private static List<String> unread(FunctionScope scope, Function<IamRole, List<String>> unread) {
        String roleName = scope.function().roleArn().substring(scope.function().roleArn().lastIndexOf('/') + 1);
        String function = " (function " + Details.quote(scope.function().name()) + ")";
        return scope.account().iam().role(scope.function().roleArn())
                .map(role -> unread.apply(role).stream().map(what -> what + " of role " + Details.quote(roleName) + function).toList())
                .orElse(List.of("role " + Details.quote(roleName) + function + " not in IAM"));
    }
}
