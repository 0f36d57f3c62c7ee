package io.lambdaguardrails.policy;

/**
 * One API call to authorise: who calls, which action on which resource (its ARN and the account that owns it; S3
 * bucket ARNs carry no account), and the request context.
 */
public record AccessRequest(RequestPrincipal principal, String action, String resource, String resourceAccount,
                            RequestContext context) {

    public AccessRequest {
        resourceAccount = resourceAccount == null || resourceAccount.isEmpty() ? Arns.account(resource) : resourceAccount;
    }

    public static AccessRequest of(RequestPrincipal principal, String action, String resource, RequestContext context) {
        return new AccessRequest(principal, action, resource, "", context);
    }

    public boolean sameAccount() {
        return principal.inAccount() && principal.accountId().equals(resourceAccount);
    }

    public AccessRequest withContext(RequestContext context) {
        return new AccessRequest(principal, action, resource, resourceAccount, context);
    }
}
