package io.lambdaguardrails.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who makes a request: an IAM role session ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}), an IAM user,
 * another ARN, an AWS service ({@code s3.amazonaws.com}), a federated identity provider, or an anonymous caller.
 */
public record RequestPrincipal(Kind kind, String id, String accountId, String role) {

    public enum Kind {
        ROLE_SESSION, USER, OTHER_ARN, SERVICE, FEDERATED, ANONYMOUS
    }

    private static final Pattern SESSION = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");

    public RequestPrincipal {
        accountId = accountId == null ? "" : accountId;
        role = role == null ? "" : role;
    }

    /** A role session, user or other principal of an account, from its ARN. */
    public static RequestPrincipal arn(String arn) {
        String account = Arns.account(arn);
        var session = SESSION.matcher(arn);
        if (session.matches()) {
            return new RequestPrincipal(Kind.ROLE_SESSION, arn, account,
                    "arn:" + session.group(1) + ":iam::" + account + ":role/" + session.group(3));
        }
        return new RequestPrincipal(arn.contains(":user/") ? Kind.USER : Kind.OTHER_ARN, arn, account, "");
    }

    /** A session of the role {@code arn:aws:iam::ACCOUNT:role/path/NAME}. */
    public static RequestPrincipal sessionOf(String roleArn, String sessionName) {
        String[] parts = roleArn.split(":", 6);
        String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        String session = "arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + name + "/" + sessionName;
        return new RequestPrincipal(Kind.ROLE_SESSION, session, parts[4], roleArn);
    }

    public static RequestPrincipal service(String servicePrincipal) {
        return new RequestPrincipal(Kind.SERVICE, servicePrincipal, "", "");
    }

    public static RequestPrincipal federated(String provider) {
        return new RequestPrincipal(Kind.FEDERATED, provider, "", "");
    }

    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(Kind.ANONYMOUS, "*", "", "");
    }

    /** Whether IAM authenticates this caller in an account (so identity policies, boundaries and SCPs apply). */
    public boolean inAccount() {
        return kind == Kind.ROLE_SESSION || kind == Kind.USER || kind == Kind.OTHER_ARN;
    }

    /** How a principal named in a resource policy matches this caller. */
    PrincipalMatch matchedBy(Principal named) {
        return switch (named.kind()) {
            case PUBLIC -> PrincipalMatch.DIRECT;
            case SERVICE -> kind == Kind.SERVICE && named.id().equalsIgnoreCase(id) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            case FEDERATED -> kind == Kind.FEDERATED && named.id().equals(id) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            case AWS -> awsMatch(named.id());
            case CANONICAL_USER, OTHER -> PrincipalMatch.NONE;
        };
    }

    private PrincipalMatch awsMatch(String named) {
        if (!inAccount()) {
            return PrincipalMatch.NONE;
        }
        if (named.equals(accountId) || named.matches("arn:aws[a-z-]*:iam::" + accountId + ":root")) {
            return PrincipalMatch.ACCOUNT;
        }
        if (named.equals(id)) {
            return PrincipalMatch.DIRECT;
        }
        return kind == Kind.ROLE_SESSION && named.equals(role) ? PrincipalMatch.SESSION_ROLE : PrincipalMatch.NONE;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + id;
    }
}
