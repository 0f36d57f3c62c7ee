package io.lambdaguardrails.deploy;

import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;

import java.util.List;
import java.util.Map;

/**
 * Decides with our policy evaluator what a scanner policy lets the scanner's role do in its own account: the action
 * on the resource (with {@code aws:PrincipalAccount} known, so policy variables resolve), as IAM would.
 */
record ScannerGrants(PolicyDocument policy, String account) {

    static ScannerGrants of(String policyJson, String account) {
        return new ScannerGrants(PolicyDocument.tryParse(policyJson).orElseThrow(), account);
    }

    Decision decide(String action, String resource) {
        RequestPrincipal scanner = RequestPrincipal.sessionOf("arn:aws:iam::" + account + ":role/lambda-guardrails-scanner",
                "lambda-guardrails-run");
        RequestContext context = RequestContext.complete(Map.of("aws:PrincipalAccount", List.of(account)));
        PolicySet policies = PolicySet.identity(List.of(new NamedPolicy("lambda-guardrails-scanner", policy)));
        // The resource is the scanning account's own (S3 bucket ARNs name no account): identity policies decide.
        return AccessEvaluator.evaluate(policies, new AccessRequest(scanner, action, resource, account, context))
                .decision();
    }
}
