package io.lambdaguardrails.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.RunMetrics;
import io.lambdaguardrails.job.JobSummary;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.sink.Baselines;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Lambda function: one scan per invocation (EventBridge Scheduler's event, see {@link ScanEvent}), with the
 * function's execution role as the caller, reports to S3, and the invocation's remaining time less a margin as the
 * scan deadline ({@link FunctionSettings}). Returns the run's {@link JobSummary}; an event it cannot run fails the
 * invocation with a message naming the bad field, and so do reports that could not be delivered.
 *
 * <p>The margin is the time kept for publishing: the scan stops at the deadline, and S3 calls made with the reports get
 * at most an eighth of the margin each, so a slow or hanging S3 cannot carry the invocation past Lambda's timeout.
 */
@RegisterForReflection(targets = {ScanEvent.class, JobSummary.class, JobSummary.Gap.class})
public class ScanFunction implements RequestHandler<JsonNode, JobSummary> {

    private static final Logger LOG = Logger.getLogger(ScanFunction.class);

    private static final Duration MIN_PUBLISH_CALL = Duration.ofSeconds(5);

    private final Clock clock = Clock.systemUTC();
    private final FunctionSettings settings;

    public ScanFunction() {
        this(null);
    }

    /** @param settings null to read them from the configuration at each invocation */
    ScanFunction(FunctionSettings settings) {
        this.settings = settings;
    }

    @Override
    public JobSummary handleRequest(JsonNode input, Context context) {
        Instant now = clock.instant();
        FunctionSettings function = settings != null ? settings : FunctionSettings.fromConfig();
        ScanEvent event = ScanEvent.parse(input);
        String output = event.output(function.output());
        ScanDeadline deadline = InvocationDeadline.of(context.getRemainingTimeInMillis(), function.margin(), now);
        Region home = DefaultAwsRegionProviderChain.builder().build().getRegion();
        var aws = new AwsSettings(function.endpoint(), home.id(), AwsSettings.DEFAULT_MAX_ATTEMPTS,
                AwsSettings.DEFAULT_CALL_TIMEOUT, AwsSettings.DEFAULT_MAX_CONNECTIONS);
        var publishing = new AwsSettings(function.endpoint(), home.id(), AwsSettings.DEFAULT_MAX_ATTEMPTS,
                publishCallTimeout(function.margin()), AwsSettings.DEFAULT_MAX_CONNECTIONS);
        try (ClientFactory clients = new ClientFactory(aws);
             ClientFactory reports = new ClientFactory(publishing);
             DefaultCredentialsProvider role = DefaultCredentialsProvider.builder().build()) {
            S3Access s3 = S3Access.lazy(() -> reports.s3(home, role), () -> reports.presigner(home, role));
            GuardrailsConfig config = EventConfig.load(event.config(), s3);
            JobOptions options = new JobOptions(report(output, event.partial()).splitBy(event.split()), event.severity(), null, config,
                    event.effectiveRunId().orElse(null), null, event.integrations());
            LOG.infof("invocation %s: scanning until %s", context.getAwsRequestId(),
                    deadline.instant() == null ? "each account's own deadline" : deadline.instant());
            JobOutcome outcome = ScanJob.create(clients, role, home, s3)
                    .run(event.request(), options, new LoggingScanListener(), deadline);
            JobSummary summary = JobSummary.of(outcome);
            LOG.info(summary.describe());
            // CloudWatch Logs reads an EMF object only as a line of its own, not inside a log record.
            System.out.println(RunMetrics.emf(outcome, clients.apiCalls(), clock.instant()));
            if (!summary.delivered()) {
                throw new DeliveryFailedException("reports not delivered to " + output + " (" + summary.describe() + ")");
            }
            return summary;
        } catch (ScanException | ConfigException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }

    /** Each S3 call of the publish gets an eighth of the margin, and at least five seconds. */
    static Duration publishCallTimeout(Duration margin) {
        Duration eighth = margin.dividedBy(8);
        return eighth.compareTo(MIN_PUBLISH_CALL) < 0 ? MIN_PUBLISH_CALL : eighth;
    }

    private static ReportDelivery.Options report(String output, boolean partial) {
        ReportDelivery.Options defaults = ReportDelivery.Options.defaults(output);
        return partial ? new ReportDelivery.Options(output, defaults.formats(), defaults.html(), Baselines.NONE,
                PublishMode.PARTIAL, defaults.encryption(), defaults.fallbackRoot(), defaults.linkExpiry()) : defaults;
    }
}
