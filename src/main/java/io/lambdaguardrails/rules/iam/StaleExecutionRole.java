package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * LG-IAM-006: the execution role has not been used for {@code iam.staleDays} days, or never and was created longer
 * ago than that — the function is probably dead, and its role a standing credential nobody watches.
 */
public final class StaleExecutionRole extends ExecutionRoleRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-006",
            "Execution role has not been used recently",
            Family.IAM, Severity.LOW, true,
            "An execution role that nobody has used for months usually belongs to a function that is no longer "
                    + "needed. Its permissions stay available to anyone who can invoke or update the function; "
                    + "removing unused roles and functions shrinks what can be abused.",
            "Confirm the function is unused, then delete it and its role (aws lambda delete-function; aws iam "
                    + "delete-role), or record why it must stay as a waiver.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html"),
            List.of());

    public StaleExecutionRole() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        LocalDate today = context.today();
        Instant threshold = today.minusDays(context.settings().iam().staleDays()).atStartOfDay(ZoneOffset.UTC).toInstant();
        return staleness(role.role(), threshold, today).map(why -> role.violation(scope, " " + why));
    }

    private static Optional<String> staleness(IamRole role, Instant threshold, LocalDate today) {
        if (role.lastUsed() != null) {
            return role.lastUsed().isBefore(threshold)
                    ? Optional.of("was last used on " + date(role.lastUsed()) + ", "
                            + ChronoUnit.DAYS.between(date(role.lastUsed()), today) + " days ago")
                    : Optional.empty();
        }
        if (role.createDate() != null && role.createDate().isBefore(threshold)) {
            return Optional.of("has never been used since it was created on " + date(role.createDate()));
        }
        return Optional.empty();
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
