package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A finding on a function about what its execution role can do: {@code role 'NAME'}, what the rule says, the
 * statements that grant it, and a note when SCPs could not be applied; related are the role and the managed policies
 * of those statements.
 */
public final class RoleFindings {

    private RoleFindings() {
    }

    public static Violation violation(FunctionScope scope, RoleAccess access, String what, Collection<StatementRef> statements) {
        String role = access.roleArn();
        String detail = "role " + Details.quote(role.substring(role.lastIndexOf('/') + 1)) + what
                + (statements.isEmpty() ? "" : "; granted by " + StatementLabels.list(statements))
                + (access.scps() == ScpPath.Status.APPLIED ? "" : "; " + access.scps().note());
        List<String> related = new ArrayList<>(List.of(role));
        related.addAll(StatementLabels.managedPolicies(statements));
        return scope.violation(detail, related);
    }
}
