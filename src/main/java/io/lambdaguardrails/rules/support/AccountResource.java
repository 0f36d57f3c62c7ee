package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.rules.RuleContext.RegionScope;
import io.lambdaguardrails.rules.Violation;

import java.util.List;

/** Findings about an account as a whole (no single resource is at fault), optionally in one region. */
public final class AccountResource {

    public static final String TYPE = "AWS::::Account";

    private AccountResource() {
    }

    public static String arn(String accountId) {
        return "arn:aws:::account/" + accountId;
    }

    /** A finding on the account in one of its regions. */
    public static Violation inRegion(RegionScope scope, String detail) {
        return violation(scope.account(), scope.region().region(), detail, List.of());
    }

    public static Violation global(AccountInventory account, String detail, List<String> related) {
        return violation(account, Coverage.GLOBAL, detail, related);
    }

    private static Violation violation(AccountInventory account, String region, String detail, List<String> related) {
        return new Violation(account.accountId(), region, TYPE, arn(account.accountId()), account.accountName(),
                related, detail);
    }
}
