package io.lambdaguardrails.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random but valid authorisation cases, reproducible from a seed: identity policies, an optional permissions
 * boundary, SCP paths of several levels (allow-list and deny-list styles), an optional resource policy, and a request
 * whose context knows every key. Each case is both a {@code @cloud-copilot/iam-simulate} simulation and our
 * {@link PolicySet} + {@link AccessRequest}, built from the same policy text.
 */
final class RandomPolicyCases {

    static final String OWN = "111111111111", FOREIGN = "222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";

    /** A request target: the action and an ARN of a resource type the action accepts. */
    private record Target(String service, String action, String resourceFormat) {
        String arn(String account, String name) {
            return resourceFormat.formatted(account, name);
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("lambda", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:%s:function:%s"),
            new Target("lambda", "lambda:GetFunction", "arn:aws:lambda:us-east-1:%s:function:%s"),
            new Target("lambda", "lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:%s:function:%s"),
            new Target("lambda", "lambda:CreateFunctionUrlConfig", "arn:aws:lambda:us-east-1:%s:function:%s"),
            new Target("dynamodb", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:%s:table/%s"),
            new Target("dynamodb", "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:%s:table/%s"),
            new Target("sqs", "sqs:SendMessage", "arn:aws:sqs:us-east-1:%s:%s"),
            new Target("sqs", "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:%s:%s"));
    private static final List<String> NAMES = List.of("orders", "orders-dev", "billing", "app1");

    /** A condition key, its type, and the values requests and policies draw from. */
    private record Key(String name, String type, List<String> values) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("aws:RequestedRegion", "string", List.of("us-east-1", "eu-west-1", "us-west-2")),
            new Key("aws:PrincipalTag/team", "string", List.of("payments", "Payments", "data", "pay*")),
            new Key("aws:PrincipalOrgID", "string", List.of("o-abcdefghij", "o-zzzzzzzzzz")),
            new Key("aws:SourceIp", "ip", List.of("10.0.0.7", "192.168.1.20", "203.0.113.9")),
            new Key("aws:SecureTransport", "bool", List.of("true", "false")),
            new Key("aws:MultiFactorAuthAge", "numeric", List.of("30", "3600", "86400")),
            new Key("aws:CurrentTime", "date", List.of("2024-01-01T00:00:00Z", "2025-06-30T12:00:00Z", "2026-12-02T06:00:00Z")),
            new Key("aws:SourceArn", "arn", List.of("arn:aws:s3:::bucket-a", "arn:aws:sns:us-east-1:111111111111:topic",
                    "arn:aws:sns:us-east-1:222222222222:topic")),
            new Key("aws:TagKeys", "set", List.of("owner", "cost-center", "env")),
            new Key("aws:PrincipalTag/project", "string", List.of("orders", "orders-dev", "billing")));

    private final Random random;

    RandomPolicyCases(long seed) {
        this.random = new Random(seed);
    }

    record Case(int id, ObjectNode simulation, PolicySet policies, AccessRequest request) {
    }

    Case next(int id) throws PolicyParseException {
        Target target = pick(TARGETS);
        String resourceAccount = OWN;
        String name = pick(NAMES);
        String resource = target.arn(resourceAccount, name);

        boolean service = random.nextInt(10) == 0;
        String callerAccount = !service && random.nextInt(4) == 0 ? FOREIGN : OWN;
        String roleArn = "arn:aws:iam::" + callerAccount + ":role/app";
        RequestPrincipal principal = service ? RequestPrincipal.service("sns.amazonaws.com")
                : RequestPrincipal.sessionOf(roleArn, "s1");

        Map<String, List<String>> context = context();
        ObjectNode simulation = JSON.createObjectNode();
        ObjectNode request = simulation.putObject("request");
        request.put("principal", principal.id());
        request.put("action", target.action());
        request.putObject("resource").put("resource", resource).put("accountId", resourceAccount);
        ObjectNode vars = request.putObject("contextVariables");
        context.forEach((k, v) -> {
            if (k.equals("aws:TagKeys")) {
                ArrayNode array = vars.putArray(k);
                v.forEach(array::add);
            } else {
                vars.put(k, v.getFirst());
            }
        });

        List<NamedPolicy> identity = new ArrayList<>();
        ArrayNode identityJson = simulation.putArray("identityPolicies");
        ArrayNode scpJson = simulation.putArray("serviceControlPolicies");
        simulation.putArray("resourceControlPolicies");
        Optional<NamedPolicy> boundary = Optional.empty();
        List<ScpLevel> scps = new ArrayList<>();
        if (!service) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ObjectNode policy = policy(target, resourceAccount, false, Style.MIXED);
                identityJson.addObject().put("name", "identity" + i).set("policy", policy);
                identity.add(named("identity" + i, policy));
            }
            if (random.nextInt(3) == 0) {
                ObjectNode policy = policy(target, resourceAccount, false, Style.MIXED);
                simulation.putArray("permissionBoundaryPolicies").addObject().put("name", "boundary").set("policy", policy);
                boundary = Optional.of(named("boundary", policy));
            }
            if (random.nextInt(2) == 0) {
                int levels = 1 + random.nextInt(3);
                for (int l = 0; l < levels; l++) {
                    String level = l == 0 ? "r-root" : l == levels - 1 ? callerAccount : "ou-root-level" + l;
                    ObjectNode levelJson = scpJson.addObject().put("orgIdentifier", level);
                    ArrayNode policiesJson = levelJson.putArray("policies");
                    List<NamedPolicy> levelPolicies = new ArrayList<>();
                    if (random.nextInt(3) != 0) {
                        ObjectNode full = fullAccess();
                        policiesJson.addObject().put("name", "FullAWSAccess").set("policy", full);
                        levelPolicies.add(named("FullAWSAccess", full));
                    }
                    int extra = random.nextInt(3);
                    for (int p = 0; p < extra; p++) {
                        ObjectNode policy = policy(target, resourceAccount, false, Style.CONTROL);
                        policiesJson.addObject().put("name", "scp" + l + p).set("policy", policy);
                        levelPolicies.add(named("scp" + l + p, policy));
                    }
                    if (levelPolicies.isEmpty()) {
                        ObjectNode full = fullAccess();
                        policiesJson.addObject().put("name", "FullAWSAccess").set("policy", full);
                        levelPolicies.add(named("FullAWSAccess", full));
                    }
                    scps.add(new ScpLevel(level, levelPolicies));
                }
            }
        }
        Optional<NamedPolicy> resourcePolicy = Optional.empty();
        if (service || random.nextInt(2) == 0 || !callerAccount.equals(resourceAccount)) {
            ObjectNode policy = policy(target, resourceAccount, true, Style.MIXED);
            simulation.set("resourcePolicy", policy);
            resourcePolicy = Optional.of(named("resource", policy));
        }
        PolicySet set = new PolicySet(identity, boundary, scps, resourcePolicy);
        AccessRequest ours = new AccessRequest(principal, target.action(), resource, resourceAccount,
                RequestContext.complete(context));
        return new Case(id, simulation, set, ours);
    }

    private enum Style {
        MIXED, CONTROL
    }

    private Map<String, List<String>> context() {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (Key key : KEYS) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (key.type().equals("set")) {
                List<String> values = new ArrayList<>();
                for (String v : key.values()) {
                    if (random.nextBoolean()) {
                        values.add(v);
                    }
                }
                if (!values.isEmpty()) {
                    context.put(key.name(), values);
                }
            } else {
                context.put(key.name(), List.of(pick(key.values())));
            }
        }
        return context;
    }

    private static NamedPolicy named(String name, ObjectNode policy) throws PolicyParseException {
        return new NamedPolicy(name, PolicyDocument.parse(policy.toString()));
    }

    private static ObjectNode fullAccess() {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "*").put("Resource", "*");
        return policy;
    }

    private ObjectNode policy(Target target, String account, boolean resourcePolicy, Style style) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            statements.add(statement(target, account, resourcePolicy, style));
        }
        return policy;
    }

    private ObjectNode statement(Target target, String account, boolean resourcePolicy, Style style) {
        ObjectNode s = JSON.createObjectNode();
        boolean deny = random.nextInt(style == Style.CONTROL ? 2 : 4) == 0;
        s.put("Effect", deny ? "Deny" : "Allow");
        if (resourcePolicy) {
            if (deny && random.nextInt(4) == 0) {
                s.set("NotPrincipal", principal());
            } else {
                s.set("Principal", principal());
            }
        }
        boolean notAction = random.nextInt(6) == 0 && !(style == Style.CONTROL && !deny);
        s.set(notAction ? "NotAction" : "Action", strings(actionPattern(target), actionPattern(target)));
        boolean notResource = random.nextInt(6) == 0 && !(style == Style.CONTROL && !deny);
        s.set(notResource ? "NotResource" : "Resource", strings(resourcePattern(target, account), resourcePattern(target, account)));
        if (random.nextInt(2) == 0) {
            ObjectNode condition = s.putObject("Condition");
            int conditions = 1 + random.nextInt(2);
            for (int i = 0; i < conditions; i++) {
                condition(condition);
            }
        }
        return s;
    }

    private JsonNode principal() {
        String value = switch (random.nextInt(9)) {
            case 0 -> "*";
            case 1 -> OWN;
            case 2 -> "arn:aws:iam::" + OWN + ":root";
            case 3 -> "arn:aws:iam::" + OWN + ":role/app";
            case 4 -> "arn:aws:sts::" + OWN + ":assumed-role/app/s1";
            case 5 -> "arn:aws:iam::" + FOREIGN + ":root";
            case 6 -> "arn:aws:iam::" + FOREIGN + ":role/app";
            case 7 -> "service";
            default -> "AWS*";
        };
        if (value.equals("*")) {
            return JSON.getNodeFactory().textNode("*");
        }
        ObjectNode principal = JSON.createObjectNode();
        if (value.equals("service")) {
            principal.put("Service", random.nextBoolean() ? "sns.amazonaws.com" : "s3.amazonaws.com");
        } else {
            principal.put("AWS", value.equals("AWS*") ? "*" : value);
        }
        return principal;
    }

    private String actionPattern(Target target) {
        String action = target.action();
        String verb = action.substring(action.indexOf(':') + 1);
        return switch (random.nextInt(9)) {
            case 0 -> "*";
            case 1 -> target.service() + ":*";
            case 2 -> target.service() + ":" + verb.substring(0, 3) + "*";
            case 3 -> action.toUpperCase(java.util.Locale.ROOT);
            case 4 -> pick(TARGETS).action();
            case 5 -> target.service() + ":*" + verb.substring(verb.length() - 4);
            case 6 -> target.service() + ":" + verb.substring(0, verb.length() - 1) + "?";
            default -> action;
        };
    }

    private String resourcePattern(Target target, String account) {
        String exact = target.arn(account, pick(NAMES));
        return switch (random.nextInt(12)) {
            case 0 -> "*";
            case 1 -> target.arn(account, "*");
            case 2 -> target.arn("*", "orders*");
            case 3 -> exact.replace(REGION, "*");
            case 4 -> exact.replace(REGION, "us-*");
            case 5 -> target.arn(account, "${aws:PrincipalTag/project}");
            case 6 -> target.arn(FOREIGN, "*");
            case 7 -> target.arn(account, "app?");
            case 8 -> pick(TARGETS).arn(account, "*");
            case 9 -> "arn:aws:" + target.service() + ":*:*:*";
            default -> exact;
        };
    }

    private void condition(ObjectNode condition) {
        Key key = pick(KEYS);
        String operator = switch (key.type()) {
            case "string" -> pick(List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                    "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "StringEqualsIfExists", "StringNotLikeIfExists"));
            case "ip" -> pick(List.of("IpAddress", "NotIpAddress", "IpAddressIfExists"));
            case "bool" -> pick(List.of("Bool", "BoolIfExists", "Null"));
            case "numeric" -> pick(List.of("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                    "NumericGreaterThan", "NumericGreaterThanEquals", "NumericLessThanIfExists", "Null"));
            case "date" -> pick(List.of("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
                    "DateGreaterThan", "DateGreaterThanEquals", "DateGreaterThanIfExists"));
            case "arn" -> pick(List.of("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "ArnLikeIfExists"));
            default -> pick(List.of("ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike",
                    "ForAllValues:StringNotEquals", "ForAnyValue:StringNotLike", "Null"));
        };
        List<String> values = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            values.add(operator.equals("Null") ? pick(List.of("true", "false")) : value(key));
        }
        ObjectNode keys = condition.has(operator) ? (ObjectNode) condition.get(operator) : condition.putObject(operator);
        ArrayNode array = keys.putArray(key.name());
        values.forEach(array::add);
    }

    private String value(Key key) {
        return switch (key.type()) {
            case "ip" -> pick(List.of("10.0.0.0/8", "192.168.1.0/24", "203.0.113.9/32", "0.0.0.0/0", "10.0.0.7"));
            case "numeric" -> pick(List.of("60", "3600", "100000"));
            case "date" -> pick(List.of("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2025-06-30T12:00:00Z"));
            case "arn" -> pick(List.of("arn:aws:s3:::bucket-*", "arn:aws:sns:*:111111111111:*", "arn:aws:sns:us-east-1:222222222222:topic",
                    "arn:aws:*:*:111111111111:*"));
            case "string" -> random.nextInt(6) == 0 ? "${aws:PrincipalTag/project}" : pick(key.values());
            default -> random.nextInt(5) == 0 ? "*" : pick(key.values());
        };
    }

    private ArrayNode strings(String first, String second) {
        ArrayNode array = JSON.createArrayNode().add(first);
        if (random.nextInt(3) == 0 && !second.equals(first)) {
            array.add(second);
        }
        return array;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
