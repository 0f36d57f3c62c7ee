package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-SIG-001: a Zip-packaged function has no code-signing configuration (images are signed by other means). */
public final class NoCodeSigning extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-SIG-001", "Function has no code-signing configuration",
            Family.CODE_SIGNING, Severity.MEDIUM, true,
            "Without code signing, anyone who can call UpdateFunctionCode — a compromised pipeline, a leaked "
                    + "developer credential — can deploy arbitrary code into the function. A code-signing "
                    + "configuration makes Lambda verify that each .zip package was signed by an AWS Signer profile "
                    + "you trust, and was not altered since.",
            "Create a signing profile (aws signer put-signing-profile --profile-name NAME --platform-id "
                    + "AWSLambda-SHA384-ECDSA), a code-signing config that allows it with Enforce (aws lambda "
                    + "create-code-signing-config --allowed-publishers SigningProfileVersionArns=ARN "
                    + "--code-signing-policies UntrustedArtifactOnDeployment=Enforce), then attach it: aws lambda "
                    + "put-function-code-signing-config --function-name NAME --code-signing-config-arn ARN "
                    + "(IaC: CodeSigningConfigArn on AWS::Lambda::Function).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
                    "https://docs.aws.amazon.com/signer/latest/developerguide/Welcome.html"),
            List.of());

    public NoCodeSigning() {
        super(META, LambdaFunction.Part.CODE_SIGNING);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        LambdaFunction function = scope.function();
        if (function.packageType() == LambdaFunction.PackageType.IMAGE || !function.collected(LambdaFunction.Part.CODE_SIGNING)
                || function.codeSigningConfigArn() != null) {
            return Optional.empty();
        }
        return Optional.of(scope.violation("Zip-packaged function without a code-signing configuration: any code can be deployed."));
    }
}
