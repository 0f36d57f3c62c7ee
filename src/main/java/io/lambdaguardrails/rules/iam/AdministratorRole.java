package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.Capability;
import io.lambdaguardrails.rules.support.RoleAccess;
import io.lambdaguardrails.rules.support.RoleFindings;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * LG-IAM-002: the execution role can effectively do everything, after its permissions boundary, explicit Denies and
 * the SCPs on its account's path ({@link RoleAccess}). A grant conditioned only on where or when a request is made
 * ({@code aws:RequestedRegion}: global services ignore it) still is; one that depends on anything else is not.
 */
public final class AdministratorRole extends RoleAccessRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-002",
            "Execution role has administrator access",
            Family.IAM, Severity.CRITICAL, true,
            "Code running with administrator credentials can do anything in the account: read every secret, create "
                    + "users, change or delete any resource. A bug, a vulnerable dependency or a malicious event then "
                    + "compromises the whole account, not just the function.",
            "Detach AdministratorAccess (aws iam detach-role-policy --role-name ROLE --policy-arn "
                    + "arn:aws:iam::aws:policy/AdministratorAccess) and grant the actions and resources the function "
                    + "uses; IAM Access Analyzer can generate a policy from its CloudTrail activity.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html"),
            List.of("Security Hub FSBP IAM.1", "AWS Config IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"));

    /** Keys that say where, when or how a request is made: they limit neither who acts nor what it reaches. */
    private static final Set<String> NOT_LIMITING = caseInsensitive(
            "aws:RequestedRegion", "aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport", "aws:ViaAWSService");

    public AdministratorRole() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, RoleAccess access) {
        return administrator(access).map(admin -> RoleFindings.violation(scope, access,
                " can do everything" + conditioned(admin), admin.statements()));
    }

    /** The role's administrator capability, when this rule counts it (the other IAM rules then leave the role to it). */
    static Optional<Capability> administrator(RoleAccess access) {
        return access.administrator().filter(admin -> NOT_LIMITING.containsAll(admin.dependsOn()));
    }

    private static String conditioned(Capability admin) {
        return admin.dependsOn().isEmpty() ? ""
                : " (conditioned only on " + String.join(", ", admin.dependsOn().stream().map(Details::safe).toList()) + ", which limits where or when it acts, not what it reaches)";
    }

    private static Set<String> caseInsensitive(String... keys) {
        var set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(keys));
        return set;
    }
}
