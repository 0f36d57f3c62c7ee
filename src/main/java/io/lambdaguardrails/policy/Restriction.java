package io.lambdaguardrails.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom a statement's restricting conditions (see {@link RestrictingKey}) let in. Values of one condition are
 * alternatives, so the widest decides; separate conditions must all hold, so the narrowest decides. Only positive
 * operators restrict (StringEquals/Like, ArnEquals/Like, not IfExists); other keys — {@code lambda:FunctionUrlAuthType}
 * among them — do not.
 *
 * @param foreign the foreign accounts and organisations named, safe to print (ids only)
 */
public record Restriction(Scope scope, List<String> foreign) {

    public enum Scope {
        /** No restricting condition: whoever the principal admits. */
        ANYONE,
        /** Only the policy's own account. */
        OWN_ACCOUNT,
        /** Only accounts of our organisation. */
        ORGANISATION,
        /** One particular caller that names no account (an event-source token). */
        SPECIFIC,
        /** Accounts or organisations outside ours. */
        FOREIGN,
        /** Names accounts or organisations we cannot place, the organisation being unknown. */
        UNKNOWN
    }

    private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    /** A condition's values are alternatives: the widest wins. */
    private static final List<Scope> WIDEST_FIRST = List.of(
            Scope.ANYONE, Scope.FOREIGN, Scope.UNKNOWN, Scope.SPECIFIC, Scope.ORGANISATION, Scope.OWN_ACCOUNT);
    /** Conditions must all hold: the narrowest wins (a foreign grantee stays foreign whatever else is unknown). */
    private static final List<Scope> NARROWEST_FIRST = List.of(
            Scope.OWN_ACCOUNT, Scope.ORGANISATION, Scope.SPECIFIC, Scope.FOREIGN, Scope.UNKNOWN, Scope.ANYONE);

    public Restriction {
        foreign = List.copyOf(foreign);
    }

    public static Restriction of(Statement statement, Set<RestrictingKey> keys, Membership membership) {
        List<Restriction> groups = new ArrayList<>();
        for (Condition condition : statement.conditions()) {
            Optional<RestrictingKey> key = RestrictingKey.of(condition.key()).filter(keys::contains);
            if (key.isPresent() && condition.restricts()) {
                groups.add(group(key.get(), condition, membership));
            }
        }
        return groups.stream()
                .min(Comparator.comparingInt((Restriction r) -> NARROWEST_FIRST.indexOf(r.scope)))
                .map(narrowest -> new Restriction(narrowest.scope, groups.stream()
                        .filter(g -> g.scope == narrowest.scope).flatMap(g -> g.foreign.stream()).distinct().toList()))
                .orElse(new Restriction(Scope.ANYONE, List.of()));
    }

    /** Whether the statement is narrowed to our own accounts, our organisation or one specific caller. */
    public boolean ours() {
        return scope == Scope.OWN_ACCOUNT || scope == Scope.ORGANISATION || scope == Scope.SPECIFIC;
    }

    private static Restriction group(RestrictingKey key, Condition condition, Membership membership) {
        Set<String> foreign = new LinkedHashSet<>();
        Scope widest = Scope.OWN_ACCOUNT;
        for (String value : condition.values()) {
            Scope scope = switch (key.read(value)) {
                case RestrictingKey.Named.Anyone a -> Scope.ANYONE;
                case RestrictingKey.Named.Specific s -> Scope.SPECIFIC;
                case RestrictingKey.Named.Account a -> scope(membership.account(a.id()), a.id(), foreign);
                case RestrictingKey.Named.Organization o -> scope(membership.organization(o.id()),
                        ORG_ID.matcher(o.id()).matches() ? o.id() : "another organisation", foreign);
            };
            if (WIDEST_FIRST.indexOf(scope) < WIDEST_FIRST.indexOf(widest)) {
                widest = scope;
            }
        }
        return new Restriction(widest, widest == Scope.FOREIGN ? List.copyOf(foreign) : List.of());
    }

    private static Scope scope(Ownership ownership, String label, Set<String> foreign) {
        return switch (ownership) {
            case OWN -> Scope.OWN_ACCOUNT;
            case OURS -> Scope.ORGANISATION;
            case UNKNOWN -> Scope.UNKNOWN;
            case FOREIGN -> {
                foreign.add(label);
                yield Scope.FOREIGN;
            }
        };
    }
}
