package io.lambdaguardrails.aws;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.regex.Pattern;

/**
 * Credentials for scanning a member account through its role.
 * The assumed-role provider refreshes its session before it expires, so scans longer than an hour keep going.
 */
public final class AccountCredentials {

    private static final Pattern NOT_ALLOWED_IN_SESSION_NAME = Pattern.compile("[^\\w+=,.@-]");

    private AccountCredentials() {
    }

    /**
     * Assumes {@code roleArn} with a session name carrying the run id, so CloudTrail in the member account shows
     * which run made each call. The returned provider must be closed after the account's scan.
     */
    public static StsAssumeRoleCredentialsProvider assumeRole(StsClient sts, String roleArn, String externalId,
                                                              String runId) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName(sessionName(runId)).durationSeconds(3600);
                    if (externalId != null && !externalId.isBlank()) {
                        r.externalId(externalId);
                    }
                })
                .build();
    }

    static String sessionName(String runId) {
        String name = "lambda-guardrails-" + NOT_ALLOWED_IN_SESSION_NAME.matcher(runId).replaceAll("-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
