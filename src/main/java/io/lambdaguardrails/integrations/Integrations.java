package io.lambdaguardrails.integrations;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.ReportDelivery;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happens to a published run beyond its reports: the Security Hub import and the notification of what is new.
 * Both run as the caller (never a member account's role), and neither can fail the run: a failure comes back as a
 * delivery warning, which makes the run exit 4 as an undelivered report does.
 */
public final class Integrations {

    private static final Logger LOG = Logger.getLogger(Integrations.class);

    private final Function<String, SecurityHubClient> securityHub;
    private final Notifier notifier;
    private final Duration retryPause;

    public Integrations(Function<String, SecurityHubClient> securityHub, Notifier notifier, Duration retryPause) {
        this.securityHub = securityHub;
        this.notifier = notifier;
        this.retryPause = retryPause;
    }

    /** The caller's clients, built on first use in the region each integration names. */
    public static Integrations of(ClientFactory clients, AwsCredentialsProvider caller) {
        return new Integrations(region -> clients.client(SecurityHubClient::builder, Region.of(region), caller),
                new Notifier(region -> clients.client(SnsClient::builder, Region.of(region), caller),
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()),
                Duration.ofSeconds(2));
    }

    /** @return the failures, each a sentence for the run's warnings; empty when everything asked for was done */
    public List<String> deliver(IntegrationOptions options, ReportDelivery.Outcome outcome) {
        List<String> failures = new ArrayList<>();
        if (options.securityHubRegion() != null) {
            importIntoSecurityHub(options.securityHubRegion(), outcome.published()).ifPresent(failures::add);
        }
        if (!options.notifyTargets().isEmpty()) {
            ScanResult baseline = outcome.baseline() instanceof BaselineOutcome.Compared compared
                    ? compared.baseline() : null;
            NewSinceBaseline news = NewSinceBaseline.of(outcome.published(), baseline, options.notifyOn());
            if (news.worthTelling()) {
                var notification = new Notification(news, reportLink(outcome));
                for (NotifyTarget target : options.notifyTargets()) {
                    notifier.send(notification, target).ifPresentOrElse(failures::add,
                            () -> LOG.infof("notified %s of run %s", target.describe(), news.runId()));
                }
            } else {
                LOG.infof("nothing new at or above %s and no new coverage gap: no notification", options.notifyOn());
            }
        }
        return failures;
    }

    private Optional<String> importIntoSecurityHub(String region, ScanResult result) {
        try (SecurityHubClient client = securityHub.apply(region)) {
            var imported = new SecurityHubImport(client, retryPause).importFindings(result, region);
            if (imported.complete()) {
                LOG.info(imported.describe());
                return Optional.empty();
            }
            return Optional.of(imported.describe());
        } catch (SdkException | IllegalArgumentException e) {
            return Optional.of("Security Hub (" + region + ") import failed: " + e.getMessage());
        }
    }

    private static String reportLink(ReportDelivery.Outcome outcome) {
        return outcome.links().stream().filter(l -> l.format() == ReportFormat.HTML).findFirst()
                .map(l -> l.uri().toString()).orElse(null);
    }
}
