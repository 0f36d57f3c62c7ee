package io.lambdaguardrails.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Builds every AWS client of a run on one shared HTTP connection pool, with the run's endpoint override,
 * adaptive retries and call timeout. Hundreds of virtual threads share the pool, so it is sized explicitly
 * rather than left to the per-client defaults. The clients also share one small scheduler for their call timeouts:
 * by default each client starts its own threads for that, which with hundreds of accounts in flight means hundreds
 * of platform threads. Closing the factory closes the pool and the scheduler.
 */
public final class ClientFactory implements AutoCloseable {

    /** IAM, Organizations and STS answer on one global endpoint, signed for us-east-1. */
    public static final Region GLOBAL = Region.US_EAST_1;
    private static final UnimplementedOperationInterceptor UNIMPLEMENTED = new UnimplementedOperationInterceptor();

    private final AwsSettings settings;
    /** Every API call attempt of every client, for the run's metrics. */
    private final LongAdder calls = new LongAdder();
    private final ExecutionInterceptor counter = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls.increment();
        }
    };
    private final LongAdder clientsBuilt = new LongAdder();
    private final List<ExecutionInterceptor> interceptors;
    private final PaginationGuard pagination = new PaginationGuard();
    private final SdkHttpClient http;
    private final ScheduledExecutorService timeouts = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("aws-call-timeouts-", 0).factory());

    public ClientFactory(AwsSettings settings) {
        this(settings, List.of());
    }

    /** @param interceptors added to every client after the factory's own (tests record the calls a scan makes) */
    public ClientFactory(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
        this.http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    public AwsSettings settings() {
        return settings;
    }

    /**
     * A client for one service, region and set of credentials, e.g.
     * {@code factory.client(LambdaClient::builder, region, credentials)}.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            Supplier<B> builder, Region region, AwsCredentialsProvider credentials) {
        return client(builder, region, credentials, retryStrategy());
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            Supplier<B> builder, Region region, AwsCredentialsProvider credentials, RetryStrategy retries) {
        clientsBuilt.increment();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .addExecutionInterceptor(UNIMPLEMENTED)
                .addExecutionInterceptor(pagination)
                .addExecutionInterceptor(counter)
                .apiCallTimeout(settings.callTimeout())
                .scheduledExecutorService(timeouts);
        interceptors.forEach(override::addExecutionInterceptor);
        B b = builder.get()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(override.build());
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        return b.build();
    }

    /**
     * A fresh adaptive retry strategy: its rate limiter and retry quota start full, and only the calls that use it
     * draw on them.
     */
    public RetryStrategy retryStrategy() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build();
    }

    /** S3 needs path-style addressing against an emulator endpoint, where bucket host names do not resolve. */
    public S3Client s3(Region region, AwsCredentialsProvider credentials) {
        return client(() -> S3Client.builder().forcePathStyle(settings.endpoint() != null), region, credentials);
    }

    public S3Presigner presigner(Region region, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint())
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /** How many HTTP requests the clients of this factory have sent to AWS so far, retries included. */
    public long apiCalls() {
        return calls.sum();
    }

    /** How many clients this factory has built so far. */
    public long clientsBuilt() {
        return clientsBuilt.sum();
    }

    @Override
    public void close() {
        http.close();
        timeouts.shutdownNow();
    }
}
