package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.QualifiedFunction;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** LG-ACC-003: the URL of the function (or of an alias or version) lets any web origin in; HIGH with credentials. */
public final class PermissiveUrlCors extends QualifierRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-003",
            "Function URL CORS allows any origin",
            Family.ACCESS, Severity.MEDIUM, true,
            "CORS tells browsers which web sites may call the function URL from a page. Allowing every origin lets any "
                    + "site a user visits drive the function with that user's browser; together with AllowCredentials "
                    + "the calls carry the user's cookies and authorisation headers.",
            "List the exact origins that need the URL (aws lambda update-function-url-config --function-name FN "
                    + "--cors 'AllowOrigins=https://app.example.com'; Cors.AllowOrigins on AWS::Lambda::Url) and "
                    + "enable AllowCredentials only for those.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors"),
            List.of());

    /** {@code *}, {@code https://*}, {@code *://*}: an origin pattern whose host is a bare wildcard. */
    private static final Pattern ANY_ORIGIN = Pattern.compile("(?:[A-Za-z*][A-Za-z0-9+.*-]*://)?\\*(?::[0-9*]+)?/?");

    public PermissiveUrlCors() {
        super(META, LambdaFunction.Part.URL);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        LambdaFunction.FunctionUrl url = target.readUrl().orElse(null);
        if (url == null || url.cors() == null) {
            return Optional.empty();
        }
        List<String> wildcards = url.cors().allowOrigins().stream()
                .filter(o -> ANY_ORIGIN.matcher(o.trim()).matches())
                .map(Details::quote)
                .toList();
        if (wildcards.isEmpty()) {
            return Optional.empty();
        }
        String detail = "function URL CORS allows any origin (" + String.join(", ", wildcards) + ")";
        return Optional.of(url.cors().allowCredentials()
                ? target.violation(scope, detail + " with AllowCredentials", List.of()).withSeverity(Severity.HIGH)
                : target.violation(scope, detail, List.of()));
    }
}
