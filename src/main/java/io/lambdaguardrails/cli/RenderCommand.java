package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.RenderJob;
import io.lambdaguardrails.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "render", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Render the reports of a findings.json again, with the bundled template or your own, into a folder.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails render s3://my-bucket/guardrails/latest/findings.json --output ./report",
                "  lambda-guardrails render findings.json --template ./my-template --format html --output ./report",
                "Exit codes: 0 done, 2 usage error or unreadable findings.json, 4 the reports could not be written."})
public class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FINDINGS", description = "A findings.json: a local file or s3://bucket/key.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the rendered files (report.html, findings.csv, risk-paths.csv, findings.json).")
    Path output;

    @Option(names = "--template", paramLabel = "DIR", description = "HTML template folder overriding the bundled one (a copy of reports-template/).")
    Path template;

    @Option(names = "--format", paramLabel = "LIST", description = "Files to render, comma-separated: html, csv, json (default: ${DEFAULT-VALUE}).", defaultValue = "html,csv")
    String formats;

    @Mixin
    AwsOptions aws;

    private final AwsCredentialsProvider credentials;

    public RenderCommand() {
        this(null);
    }

    /** @param credentials the caller's credentials; null for the default chain */
    RenderCommand(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Set<ReportFormat> asked;
        try {
            asked = ReportFormat.parseList(formats);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage(), e);
        }
        try (ClientFactory clients = new ClientFactory(aws.settings());
             CallerCredentials caller = new CallerCredentials(credentials)) {
            new RenderJob(aws.s3(clients, caller.credentials())).render(input, asked, template, output)
                    .forEach(out::println);
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
