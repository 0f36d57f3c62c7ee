package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.ReportSink;
import io.lambdaguardrails.sink.RunHistoryStore;
import io.lambdaguardrails.sink.SinkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "history", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Draw the runs index (index.html) at an output again from its history.json, or rebuild "
                + "history.json from the run folders first.",
                "Every scan, evaluate and merge that publishes a complete run adds it to history.json and redraws "
                        + "index.html; this command is for a history that was lost, damaged or left behind (a failed "
                        + "read is never taken for a missing file). A missing or unreadable history.json is always "
                        + "rebuilt. The last " + RunHistory.KEEP + " runs are kept one by one, older ones per month."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails history --rebuild --output s3://my-bucket/guardrails",
                "  lambda-guardrails history --output ./lambda-guardrails-reports --template ./my-template",
                "Exit codes: 0 done, 2 usage error, 4 the output could not be read or written."})
public class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--rebuild", description = "Rebuild history.json from the findings.json of every run folder (runs/YYYY/MM/DD/<runId>/), replacing it, then draw index.html.")
    boolean rebuild;

    @Mixin
    AwsOptions aws;

    private final AwsCredentialsProvider credentials;

    public HistoryCommand() {
        this(null);
    }

    /** @param credentials the caller's credentials; null for the default chain */
    HistoryCommand(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ClientFactory clients = new ClientFactory(aws.settings());
             CallerCredentials caller = new CallerCredentials(credentials)) {
            HtmlReport html = output.html();
            var options = new ReportDelivery.Options(output.location, ReportFormat.DEFAULTS, html, "none",
                    PublishMode.FULL, output.encryption(), null, ReportDelivery.DEFAULT_LINK_EXPIRY);
            ReportSink sink = new ReportDelivery(aws.s3(clients, caller.credentials())).open(options);
            var store = new RunHistoryStore(sink, html.runsIndex());
            RunHistory history;
            if (rebuild) {
                RunHistoryStore.Rebuilt rebuilt = store.rebuild();
                out.printf("Rebuilt from %d run folder(s)%n", rebuilt.folders());
                rebuilt.skipped().forEach(s -> err.println("warning: skipped " + s));
                history = rebuilt.history();
            } else {
                history = store.redrawIndex();
            }
            out.printf("%s: %d run(s), %d earlier month(s) summarised%n%s%n", sink.location(RunHistoryStore.KEY),
                    history.runs().size(), history.months().size(), sink.location(RunHistoryStore.INDEX));
            return ExitStatus.OK.code();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitStatus.USAGE.code();
        } catch (SinkException e) {
            err.println("error: " + e.getMessage());
            return ExitStatus.NOT_DELIVERED.code();
        }
    }
}
