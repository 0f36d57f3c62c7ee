package io.lambdaguardrails.aws;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Credentials for scanning a member account through its role.
 * The assumed-role provider refreshes its session before it expires, so scans longer than an hour keep going; every
 * AssumeRole, the first and each refresh, is bounded by the time left to the account's deadline.
 */
public final class AccountCredentials {

    /** A call timeout must be positive; past the deadline the call gets this long, and fails. */
    private static final Duration AT_LEAST = Duration.ofMillis(1);
    private static final Pattern NOT_ALLOWED_IN_SESSION_NAME = Pattern.compile("[^\\w+=,.@-]");

    private AccountCredentials() {
    }

    /**
     * Assumes {@code roleArn} with a session name carrying the run id, so CloudTrail in the member account shows
     * which run made each call. The returned provider must be closed after the account's scan.
     *
     * @param timeLeft the time left to the account's deadline, asked at each AssumeRole
     */
    public static StsAssumeRoleCredentialsProvider assumeRole(StsClient sts, String roleArn, String externalId,
                                                              String runId, Supplier<Duration> timeLeft) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> {
                    Duration bound = timeLeft.get();
                    var r = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName(runId))
                            .durationSeconds(3600)
                            .overrideConfiguration(o -> o.apiCallTimeout(bound.compareTo(AT_LEAST) < 0 ? AT_LEAST : bound));
                    if (externalId != null && !externalId.isBlank()) {
                        r.externalId(externalId);
                    }
                    return r.build();
                })
                .build();
    }

    static String sessionName(String runId) {
        String name = "lambda-guardrails-" + NOT_ALLOWED_IN_SESSION_NAME.matcher(runId).replaceAll("-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
