package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.Wildcard;

import java.util.Map;

/**
 * Concrete resources to ask the evaluator about. "May the role do X somewhere?" becomes "may it do X on this
 * resource?", where the resource is one no policy names on purpose: a made-up name of the action's resource type
 * in the role's account and the function's region, or a policy's own pattern with each wildcard and variable
 * replaced by such a name (so {@code arn:aws:iam::*:role/*} is asked as {@code arn:aws:iam::lg-probe:role/lg-probe}).
 * A Deny or boundary that narrows the grant to named resources then refuses the probe.
 */
public final class ProbeResources {

    public static final String NAME = "lg-probe";

    /** The resource part of a probe ARN per service, for services whose ARNs carry a resource type. */
    private static final Map<String, String> TYPED = Map.of(
            "lambda", "function:" + NAME,
            "dynamodb", "table/" + NAME,
            "secretsmanager", "secret:" + NAME,
            "kms", "key/" + NAME,
            "ssm", "parameter/" + NAME,
            "kinesis", "stream/" + NAME,
            "ec2", "instance/" + NAME,
            "cloudtrail", "trail/" + NAME);

    private ProbeResources() {
    }

    /** A resource of the action's type that no statement names. */
    public static String forAction(String action, String region, String account) {
        String service = Actions.service(action).orElse(NAME);
        String name = action.substring(action.indexOf(':') + 1);
        return switch (service) {
            case "iam" -> "arn:aws:iam::" + account + ":" + iamType(name) + "/" + NAME;
            case "sts" -> "arn:aws:iam::" + account + ":role/" + NAME;
            case "s3" -> "arn:aws:s3:::" + NAME + "/" + NAME;
            default -> "arn:aws:" + service + ":" + region + ":" + account + ":" + TYPED.getOrDefault(service, NAME);
        };
    }

    /** Whether the pattern's service segment can name a resource the action acts on (STS acts on IAM roles). */
    public static boolean fits(String pattern, String action) {
        String[] parts = pattern.split(":", 6);
        String service = Actions.service(action).map(s -> s.equals("sts") ? "iam" : s).orElse(NAME);
        // The made-up service of a probe for "every action" fits every resource.
        return parts.length < 6 || service.equals(NAME) || Wildcard.matches(parts[2], service, true);
    }

    /** The pattern with every wildcard and policy variable replaced, so that it names one resource it covers. */
    public static String instantiate(String pattern) {
        return pattern.replaceAll("\\$\\{[^}]*}", NAME).replace("*", NAME).replace("?", "x");
    }

    private static String iamType(String action) {
        if (action.contains("Role")) {
            return "role";
        }
        if (action.contains("Group")) {
            return "group";
        }
        if (action.contains("User") || action.contains("AccessKey") || action.contains("LoginProfile")) {
            return "user";
        }
        return "policy";
    }
}
