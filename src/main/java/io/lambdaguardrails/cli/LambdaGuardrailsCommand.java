package io.lambdaguardrails.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "lambda-guardrails", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = VersionProvider.class,
        description = "Org-wide governance scanner for AWS Lambda: assumes a read-only role into every account of an "
                + "AWS Organization, checks network, access, runtime, code-signing and audit guardrails, and writes "
                + "HTML, CSV and JSON reports to S3 or a local folder.",
        subcommands = {ScanCommand.class, DaemonCommand.class, EvaluateCommand.class, RulesCommand.class, RenderCommand.class, MergeCommand.class, HistoryCommand.class, IamPolicyCommand.class, DemoCommand.class},
        footerHeading = "%nExit codes (scan):%n",
        footer = {
                "  0  done",
                "  1  open findings at or above --fail-on, or new ones at or above --fail-on-new",
                "  2  usage or configuration error",
                "  3  coverage incomplete: an account or region was denied, throttled, timed out or failed,",
                "     or a rule could not judge it (notEvaluated)",
                "  4  report not delivered where asked (written to a local fallback) or internal error",
                "  130, 143  stopped by SIGINT or SIGTERM (latest/ still names a complete run)",
                "When several apply: 2 > 4 > 1 > 3 > 0."})
public class LambdaGuardrailsCommand {
}
