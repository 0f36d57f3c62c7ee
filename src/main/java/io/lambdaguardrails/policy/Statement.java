package io.lambdaguardrails.policy;

import java.util.List;

/**
 * One policy statement with its conditions regrouped per (operator, key). Lists are never null; a statement with
 * {@code NotAction} has an empty {@code actions} list and covers every action not listed.
 */
public record Statement(
        String sid,
        Effect effect,
        List<Principal> principals,
        List<Principal> notPrincipals,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<Condition> conditions) {

    public Statement {
        sid = sid == null ? "" : sid;
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        conditions = List.copyOf(conditions);
    }

    public boolean allows() {
        return effect == Effect.ALLOW;
    }

    public boolean denies() {
        return effect == Effect.DENY;
    }

    public boolean usesNotAction() {
        return !notActions.isEmpty();
    }

    /** Whether the statement's Action (or NotAction) covers {@code action}, wildcards and case considered. */
    public boolean covers(String action) {
        if (usesNotAction()) {
            return notActions.stream().noneMatch(p -> Actions.matches(p, action));
        }
        return actions.stream().anyMatch(p -> Actions.matches(p, action));
    }

    /**
     * Whether the statement's Action (or NotAction) covers at least one action of a service ({@code s3}): an Action
     * such as {@code s3:GetObject}, {@code s3:*} or {@code *}, or a NotAction that leaves some of the service's
     * actions out of its list.
     */
    public boolean coversAnyActionOf(String service) {
        if (usesNotAction()) {
            return notActions.stream().noneMatch(p -> Actions.matchesEveryActionOf(p, service));
        }
        return actions.stream().anyMatch(p -> Actions.matchesSomeActionOf(p, service));
    }

    /**
     * Who the statement names. An Allow with NotPrincipal admits everybody but the listed principals, so it is
     * reported as {@link Principal#PUBLIC}.
     */
    public List<Principal> grantees() {
        if (allows() && !notPrincipals.isEmpty()) {
            return List.of(Principal.PUBLIC);
        }
        return principals;
    }

    public List<Condition> conditionsOn(String key) {
        return conditions.stream().filter(c -> c.keyIs(key)).toList();
    }

    /**
     * Whether the statement's Resource (or NotResource) covers {@code resource}; a statement with neither (a trust
     * policy) covers every resource. Unknown when a pattern uses a policy variable whose value is not known; a variable
     * the request does not carry makes the statement invalid, so it covers nothing.
     */
    public Truth coversResource(String resource, RequestContext context) {
        if (!notResources.isEmpty()) {
            return Truth.allOf(notResources.stream().map(p -> patternCovers(p, resource, context, true).not()).toList());
        }
        return resources.isEmpty() ? Truth.TRUE
                : Truth.anyOf(resources.stream().map(p -> patternCovers(p, resource, context, false)).toList());
    }

    /** Whether every condition holds (AND); unknown when one depends on a key the context does not know. */
    public Truth conditionsHold(RequestContext context) {
        return Truth.allOf(conditions.stream().map(c -> c.evaluate(context)).toList());
    }

    private static Truth patternCovers(String pattern, String resource, RequestContext context, boolean missingCovers) {
        return switch (PolicyVariables.resolve(pattern, context)) {
            case PolicyVariables.Resolved.Value v -> Truth.of(Arns.matches(v.text(), PolicyVariables.literal(resource)));
            case PolicyVariables.Resolved.Unknown u -> Truth.unknown(java.util.Set.of(u.key()));
            case PolicyVariables.Resolved.Missing m -> Truth.of(missingCovers);
        };
    }
}
