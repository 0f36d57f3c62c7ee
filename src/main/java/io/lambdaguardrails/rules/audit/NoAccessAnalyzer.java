package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Analyzer;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext.RegionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * LG-AUD-006: no ACTIVE external-access analyzer covers the account in a region with functions. An ACCOUNT analyzer
 * covers only its own account; an ORGANIZATION analyzer — which only the management account or Access Analyzer's
 * delegated administrator can own, and whose analyzers the scan reads in every scanned region — covers every member
 * in its region. Not evaluated, with the reason, where such an owner's analyzers in the region were not read.
 */
public final class NoAccessAnalyzer extends Rule {

    private static final Analyzer.Type ACCOUNT = Analyzer.Type.ACCOUNT;
    private static final Analyzer.Type ORGANIZATION = Analyzer.Type.ORGANIZATION;

    public static final RuleMeta META = new RuleMeta("LG-AUD-006",
            "No IAM Access Analyzer covers the account in the region", Family.AUDIT, Severity.MEDIUM, true,
            "An external-access analyzer continuously reports resource policies — including Lambda function and "
                    + "layer policies — that grant access to principals outside the account or organisation. "
                    + "Without one covering the region, a function opened to the world is noticed only at the next "
                    + "scan, if at all.",
            "Create an organisation analyzer in each region from the management or delegated-administrator account: "
                    + "aws accessanalyzer create-analyzer --analyzer-name org-analyzer --type ORGANIZATION "
                    + "(or --type ACCOUNT per account; IaC: AWS::AccessAnalyzer::Analyzer).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html"),
            List.of("CIS AWS Foundations 1.20"));

    public NoAccessAnalyzer() {
        super(META, AuditPosture.Part.ANALYZERS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        return judged(context).filter(j -> j.undecidedBecause() == null)
                .map(j -> AccountResource.inRegion(j.scope(), "No ACTIVE external-access analyzer (account or organisation) covers the account in "
                        + j.scope().region().region() + "." + (context.snapshot().org().available() ? ""
                        : " The organisation could not be read, so organisation analyzers were not looked for.")))
                .toList();
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return judged(context).filter(j -> j.undecidedBecause() != null)
                .map(j -> cannotJudge(j.scope().account().accountId(), j.scope().region().region(),
                        "No analyzer of the account covers " + j.scope().region().region()
                                + ", and whether an organisation analyzer does is unknown: " + j.undecidedBecause() + "."))
                .toList();
    }

    /** A region with functions whose own analyzers were read and that nothing known covers; why it is undecided, if it is. */
    private record Uncovered(RegionScope scope, String undecidedBecause) {
    }

    private static Stream<Uncovered> judged(RuleContext context) {
        return RegionsWithFunctions.of(context)
                .filter(r -> r.region().audit().collected(AuditPosture.Part.ANALYZERS))
                .filter(r -> r.region().audit().analyzers().stream().noneMatch(a -> active(a, ACCOUNT) || active(a, ORGANIZATION)))
                .filter(r -> !(context.org().inside(r.account().accountId()) && organisationAnalyzerSeen(context, r)))
                .map(r -> new Uncovered(r, context.snapshot().org().available() && context.org().inside(r.account().accountId())
                        ? whyOwnersUnknown(context, r) : null));
    }

    /** An ACTIVE ORGANIZATION analyzer in the region of any scanned account: only its owners can hold one. */
    private static boolean organisationAnalyzerSeen(RuleContext context, RegionScope scope) {
        return context.regions().filter(r -> r.region().region().equals(scope.region().region()))
                .anyMatch(r -> r.region().audit().analyzers().stream().anyMatch(a -> active(a, ORGANIZATION)));
    }

    /** Null when every account that may own an organisation analyzer had its analyzers read in the region. */
    private static String whyOwnersUnknown(RuleContext context, RegionScope scope) {
        OrgContext org = context.snapshot().org();
        String region = scope.region().region();
        List<String> reasons = new ArrayList<>();
        if (org.analyzerAdministrators() == null) {
            reasons.add("the delegated administrators of IAM Access Analyzer could not be read");
        }
        for (String owner : org.analyzerOwners()) {
            Optional<AccountInventory> account = context.snapshot().accounts().stream()
                    .filter(a -> a.accountId().equals(owner)).findFirst();
            String role = owner.equals(org.managementAccountId()) ? "management account " : "delegated administrator ";
            if (account.isEmpty()) {
                reasons.add("the " + role + owner + " was not scanned");
            } else if (!account.get().evaluable()) {
                reasons.add("the " + role + owner + " could not be entered");
            } else if (account.get().regions().stream().noneMatch(r -> r.region().equals(region)
                    && r.audit().collected(AuditPosture.Part.ANALYZERS))) {
                reasons.add("the analyzers of the " + role + owner + " in " + region + " could not be read");
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static boolean active(Analyzer analyzer, Analyzer.Type type) {
        return analyzer.type() == type && analyzer.status() == Analyzer.Status.ACTIVE;
    }
}
