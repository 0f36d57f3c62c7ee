package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Arns;
import io.lambdaguardrails.policy.Condition;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.policy.Wildcard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The callers worth asking a function's resource policy about: an account outside everything the policy names (is
 * it open to anyone?), each account, organisation, principal and service the policy names, our own account and our
 * organisation. Each carries the condition keys its request would: a principal's account and organisation, or — for
 * a service acting for a resource — the source account, organisation and ARN; keys a request of its kind never
 * carries are absent, and everything else (source IP, tags, time) stays unknown, so conditions on them make the
 * answer depend on context.
 */
final class Callers {

    static final String ANY_SERVICE = "service.amazonaws.com";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final String OUTSIDE_ORG = "o-outside0000";
    private static final List<String> SOURCE_KEYS = List.of("aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID",
            "aws:SourceOrgPaths", "aws:SourceOwner", "lambda:EventSourceToken");
    private static final List<String> PRINCIPAL_KEYS = List.of("aws:PrincipalAccount", "aws:PrincipalOrgID",
            "aws:PrincipalOrgPaths", "aws:PrincipalArn");

    private final PolicyDocument policy;
    private final Membership membership;
    private final List<String> sourceArnPatterns;

    private Callers(PolicyDocument policy, Membership membership) {
        this.policy = policy;
        this.membership = membership;
        this.sourceArnPatterns = policy.statements().stream().flatMap(s -> s.conditionsOn("aws:SourceArn").stream())
                .flatMap(c -> c.values().stream()).distinct().toList();
    }

    /** Every caller to ask the policy about, for a function in {@code membership}'s own account. */
    static List<Caller> of(PolicyDocument policy, Membership membership) {
        return new Callers(policy, membership).all();
    }

    private List<Caller> all() {
        String own = membership.ownAccount();
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> arns = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (Statement s : policy.statements()) {
            for (Principal p : s.principals()) {
                switch (p.kind()) {
                    case SERVICE -> services.add(p.id());
                    case AWS -> {
                        p.accountId().ifPresent(accounts::add);
                        if (p.id().startsWith("arn:") && !p.id().endsWith(":root")) {
                            arns.add(p.id());
                        }
                    }
                    default -> { }
                }
            }
            for (Condition c : s.conditions()) {
                for (String v : c.values()) {
                    named(c.key().toLowerCase(Locale.ROOT), v, accounts, organizations);
                }
            }
        }
        accounts.remove(own);
        String outsider = outsider(accounts);

        List<Caller> callers = new ArrayList<>();
        // Anyone: an outsider in another organisation or in none, calling or having a service call for it.
        callers.add(session(InvokerKind.ANY_ACCOUNT, "*", outsider, OUTSIDE_ORG, role(outsider)));
        callers.add(session(InvokerKind.ANY_ACCOUNT, "*", outsider, null, role(outsider)));
        callers.addAll(service(InvokerKind.ANY_ACCOUNT, "*", ANY_SERVICE, outsider, OUTSIDE_ORG));
        callers.add(session(InvokerKind.OWN_ACCOUNT, own, own, membership.organizationId(), role(own)));
        for (String account : accounts) {
            InvokerKind kind = kindOf(membership.account(account));
            String org = membership.account(account) == Ownership.OURS ? membership.organizationId()
                    : membership.account(account) == Ownership.FOREIGN ? OUTSIDE_ORG : null;
            callers.add(session(kind, account, account, org, role(account)));
            callers.addAll(service(kind, account, ANY_SERVICE, account, org));
        }
        for (String org : organizations) {
            boolean ours = org.equals(membership.organizationId());
            String account = ours ? member(own) : outsider;
            InvokerKind kind = ours ? InvokerKind.ORGANIZATION : InvokerKind.FOREIGN_ACCOUNT;
            callers.add(session(kind, org, account, org, role(account)));
            callers.addAll(service(kind, org, ANY_SERVICE, account, org));
        }
        for (String arn : arns) {
            String account = Arns.account(arn);
            InvokerKind kind = kindOf(membership.account(account));
            String org = kind == InvokerKind.OWN_ACCOUNT || kind == InvokerKind.ORGANIZATION ? membership.organizationId() : null;
            callers.add(session(kind, arn, account, org, arn));
        }
        for (String service : services) {
            callers.addAll(service(InvokerKind.SERVICE_UNSCOPED, service, service, outsider, OUTSIDE_ORG));
            callers.addAll(service(InvokerKind.SERVICE_SCOPED, service, service, own, membership.organizationId()));
            for (String account : accounts) {
                Ownership ownership = membership.account(account);
                callers.addAll(service(kindOf(ownership), account, service, account,
                        ownership == Ownership.OURS ? membership.organizationId() : null));
            }
        }
        return callers;
    }

    private static InvokerKind kindOf(Ownership ownership) {
        return switch (ownership) {
            case OWN -> InvokerKind.OWN_ACCOUNT;
            case OURS -> InvokerKind.ORGANIZATION;
            case FOREIGN, UNKNOWN -> InvokerKind.FOREIGN_ACCOUNT;
        };
    }

    /**
     * A principal of {@code account} calling in its own name: a role session ({@code arn} a role) or another
     * principal, in organisation {@code org} (null: unknown — or none, for the outsider).
     */
    private Caller session(InvokerKind kind, String label, String account, String org, String arn) {
        RequestPrincipal who = arn.contains(":role/") ? RequestPrincipal.sessionOf(arn, "caller") : RequestPrincipal.arn(arn);
        RequestContext context = RequestContext.open().without(SOURCE_KEYS.toArray(String[]::new))
                .with("aws:PrincipalAccount", account)
                .with("aws:PrincipalArn", who.role().isEmpty() ? arn : who.role())
                .with("aws:PrincipalIsAWSService", "false")
                .without("aws:PrincipalServiceName");
        if (org != null) {
            context = context.with("aws:PrincipalOrgID", org);
            if (!org.equals(membership.organizationId())) {
                context = context.with("aws:PrincipalOrgPaths", org + "/r-outside/");
            }
        } else if (kind == InvokerKind.ANY_ACCOUNT) {
            context = context.without("aws:PrincipalOrgID", "aws:PrincipalOrgPaths");
        }
        return new Caller(kind, label, who, context, !account.equals(membership.ownAccount()));
    }

    private static String role(String account) {
        return "arn:aws:iam::" + account + ":role/caller";
    }

    /**
     * A service acting for a resource of {@code account}: once without a source ARN, and once for each source ARN
     * the policy names, moved into that account — a pattern that names no account (an S3 bucket) or any account
     * still matches, one that names another account does not. A service never carries the {@code aws:Principal…}
     * keys of an IAM principal.
     */
    private List<Caller> service(InvokerKind kind, String label, String service, String account, String org) {
        RequestContext base = RequestContext.open().without(PRINCIPAL_KEYS.toArray(String[]::new))
                .without("lambda:EventSourceToken", "aws:SourceOwner")
                .with("aws:SourceAccount", account)
                .with("aws:PrincipalIsAWSService", "true")
                .with("aws:PrincipalServiceName", service);
        if (org != null) {
            base = base.with("aws:SourceOrgID", org);
            if (!org.equals(membership.organizationId())) {
                base = base.with("aws:SourceOrgPaths", org + "/r-outside/");
            }
        } else if (!account.equals(membership.ownAccount()) && membership.account(account) != Ownership.OURS) {
            base = base.without("aws:SourceOrgID", "aws:SourceOrgPaths");
        }
        RequestPrincipal who = RequestPrincipal.service(service);
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(kind, label, who, base.without("aws:SourceArn"), false));
        if (kind == InvokerKind.SERVICE_UNSCOPED || kind == InvokerKind.ANY_ACCOUNT) {
            // Not every service sends the source keys: a condition that only applies IfExists does not scope it.
            callers.add(new Caller(kind, label, who, base.without("aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID",
                    "aws:SourceOrgPaths"), false));
        }
        for (String pattern : sourceArnPatterns) {
            String[] parts = pattern.split(":", 6);
            if (parts.length == 6) {
                parts[4] = parts[4].isEmpty() ? "" : account;
                callers.add(new Caller(kind, label, who, base.with("aws:SourceArn", concrete(String.join(":", parts))), false));
            }
        }
        return callers;
    }

    /** A value a wildcard pattern matches. */
    private static String concrete(String pattern) {
        return pattern.replace('*', 'x').replace('?', 'x');
    }

    private static void named(String key, String value, Set<String> accounts, Set<String> organizations) {
        if (key.equals("aws:sourcearn")) {
            String[] parts = value.split(":", 6);
            if (parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches()) {
                accounts.add(parts[4]);
            }
            return;
        }
        if (value.isEmpty() || Wildcard.has(value)) {
            return;
        }
        switch (key) {
            case "aws:sourceaccount", "aws:principalaccount" -> {
                if (ACCOUNT_ID.matcher(value).matches()) {
                    accounts.add(value);
                }
            }
            case "aws:principalorgid", "aws:sourceorgid" -> organizations.add(value);
            case "aws:principalorgpaths", "aws:sourceorgpaths" -> organizations.add(value.split("/", 2)[0]);
            default -> { }
        }
    }

    /** An account id outside the organisation that the policy does not name. */
    private String outsider(Set<String> named) {
        long id = 999_999_999_999L;
        while (named.contains(Long.toString(id)) || membership.accounts().contains(Long.toString(id))
                || membership.ownAccount().equals(Long.toString(id))) {
            id--;
        }
        return Long.toString(id);
    }

    /** Another account of our organisation, or a stand-in for one. */
    private String member(String own) {
        return membership.accounts().stream().filter(a -> !a.equals(own)).sorted().findFirst().orElse("000000000001");
    }
}
