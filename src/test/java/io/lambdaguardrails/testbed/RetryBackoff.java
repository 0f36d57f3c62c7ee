package io.lambdaguardrails.testbed;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The waits the scanner's SDK clients choose between attempts, asked of the retry strategy they are built with
 * instead of timed: a bound on backoff that a loaded machine cannot make flaky.
 */
public final class RetryBackoff {

    private static final int GIVE_UP_AFTER = 100;

    private RetryBackoff() {
    }

    /** The wait before each retry of a call that is throttled every time, until the strategy stops retrying. */
    public static List<Duration> whileThrottled(ClientFactory clients) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS)) {
            RetryStrategy strategy = lambda.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
            AwsServiceException throttled = AwsServiceException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName("Lambda").errorCode("TooManyRequestsException").build())
                    .build();
            RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("lambda")).token();
            List<Duration> waits = new ArrayList<>();
            while (waits.size() < GIVE_UP_AFTER) {
                try {
                    RefreshRetryTokenResponse retry = strategy.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(throttled).build());
                    waits.add(retry.delay());
                    token = retry.token();
                } catch (TokenAcquisitionFailedException stop) {
                    return waits;
                }
            }
            throw new AssertionError("the retry strategy still retries after " + GIVE_UP_AFTER + " throttled attempts");
        }
    }
}
