package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.SecretFinding;
import io.lambdaguardrails.rules.RuleMeta;

import java.util.List;

/** LG-RUN-002: a tag value or the description holds something shaped like a secret (redacted at collection). */
public final class SecretInTagsOrDescription extends SecretRule {

    public static final RuleMeta META = new RuleMeta("LG-RUN-002", "Tag value or description holds a secret",
            Family.RUNTIME, Severity.MEDIUM, true,
            "Tags and descriptions are metadata: they are readable with list and describe permissions that many "
                    + "people and tools hold, flow into billing reports, inventories and the Resource Groups Tagging "
                    + "API, and are never encrypted. A key or token written there is effectively published inside the "
                    + "organisation.",
            "Remove the value and rotate the credential it exposed: aws lambda untag-resource --resource ARN "
                    + "--tag-keys KEY, or aws lambda update-function-configuration --function-name NAME --description "
                    + "'...'. Keep secrets in Secrets Manager and reference them by name.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html",
                    "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html"),
            List.of());

    public SecretInTagsOrDescription() {
        super(META, LambdaFunction.Part.TAGS);
    }

    @Override
    protected List<Flagged> flagged(LambdaFunction function) {
        return function.secrets().stream().filter(SecretInTagsOrDescription::inMetadata)
                .map(s -> new Flagged(s.location(), s.detector(), s.fingerprint(), s.location())).toList();
    }

    @Override
    protected String detail(String labels) {
        return "Secret-shaped value(s) in " + labels + ". Values are redacted.";
    }

    private static boolean inMetadata(SecretFinding finding) {
        return finding.location().startsWith("tag:") || finding.location().equals("description");
    }
}
