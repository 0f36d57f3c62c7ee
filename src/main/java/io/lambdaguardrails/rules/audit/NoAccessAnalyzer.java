package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Analyzer;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LG-AUD-006: no ACTIVE external-access analyzer covers the account in a region with functions. An ORGANIZATION
 * analyzer — which only the management or delegated-administrator account can own — covers every member in its region.
 */
public final class NoAccessAnalyzer extends Rule {

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
        Set<String> organisationCovered = context.regions()
                .filter(r -> r.region().audit().analyzers().stream().anyMatch(a -> active(a, "ORGANIZATION")))
                .map(r -> r.region().region())
                .collect(Collectors.toSet());
        return RegionsWithFunctions.of(context)
                .filter(r -> r.region().audit().collected(AuditPosture.Part.ANALYZERS))
                .filter(r -> !(organisationCovered.contains(r.region().region()) && context.org().inside(r.account().accountId())))
                .filter(r -> r.region().audit().analyzers().stream()
                        .noneMatch(a -> active(a, "ACCOUNT") || active(a, "ORGANIZATION")))
                .map(r -> AccountResource.inRegion(r,
                        "No ACTIVE external-access analyzer (account or organisation) covers the account in "
                                + r.region().region() + "."))
                .toList();
    }

    private static boolean active(Analyzer analyzer, String type) {
        return type.equalsIgnoreCase(analyzer.type()) && "ACTIVE".equalsIgnoreCase(analyzer.status());
    }
}
