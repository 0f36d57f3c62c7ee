package io.lambdaguardrails.policy;

/**
 * ARN patterns as Resource elements and Arn* conditions match them: {@code *} alone matches everything; otherwise a
 * wildcard stays inside its segment (partition, service, region, account), and the resource segment — which may
 * itself hold colons — is matched as a whole.
 */
public final class Arns {

    private Arns() {
    }

    public static boolean matches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length < 6 || a.length < 6) {
            return p.length == a.length && Wildcard.matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }

    /** The account of an ARN ({@code arn:aws:lambda:eu-west-1:ACCOUNT:function:f}); empty when it has none. */
    public static String account(String arn) {
        String[] a = arn.split(":", 6);
        return a.length == 6 ? a[4] : "";
    }
}
