package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-SIG-002: the function's code-signing configuration only warns about untrusted code. */
public final class CodeSigningNotEnforced extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-SIG-002", "Code-signing policy is Warn, not Enforce",
            Family.CODE_SIGNING, Severity.MEDIUM, true,
            "With UntrustedArtifactOnDeployment set to Warn, Lambda still deploys code whose signature is missing, "
                    + "expired, revoked or from an untrusted profile, and only logs a CloudWatch metric. The control "
                    + "then detects but does not prevent tampered code.",
            "Switch the policy to Enforce once pipelines sign every package: aws lambda update-code-signing-config "
                    + "--code-signing-config-arn ARN --code-signing-policies UntrustedArtifactOnDeployment=Enforce "
                    + "(IaC: CodeSigningPolicies on AWS::Lambda::CodeSigningConfig).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html"),
            List.of());

    public CodeSigningNotEnforced() {
        super(META, RegionInventory.Part.CODE_SIGNING_CONFIGS);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return SigningConfigs.of(scope)
                .filter(c -> c.untrustedArtifactOnDeployment() == CodeSigningConfig.Policy.WARN)
                .map(c -> scope.violation("Code-signing config " + c.arn()
                        + " only warns when code is unsigned or untrusted.", List.of(c.arn())));
    }
}
