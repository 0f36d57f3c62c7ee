package io.lambdaguardrails.cli;

import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.sink.Encryption;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The report output a command writes to: where it is, the template its pages are drawn with, how S3 encrypts it. */
public class OutputOptions {

    @Option(names = "--output", paramLabel = "DIR|s3://BUCKET/PREFIX", description = "Where reports go (default: ${DEFAULT-VALUE}).", defaultValue = JobOptions.DEFAULT_OUTPUT)
    String location;

    @Option(names = "--template", paramLabel = "DIR", description = "HTML template folder overriding the bundled one (a copy of reports-template/; the runs index is drawn from its runs-index.html).")
    Path template;

    @Option(names = "--sse", paramLabel = "AES256|aws:kms", description = "Server-side encryption of the S3 objects written (default: AES256, SSE-S3).")
    String sse;

    @Option(names = "--kms-key-id", paramLabel = "KEY", description = "KMS key id or ARN for --sse aws:kms (default: the account's aws/s3 key).")
    String kmsKeyId;

    /** @throws IllegalArgumentException when the template folder does not parse */
    HtmlReport html() {
        return template == null ? HtmlReport.bundled() : HtmlReport.withTemplate(template);
    }

    /** @throws IllegalArgumentException for an --sse or --kms-key-id a user can fix */
    Encryption encryption() {
        return Encryption.parse(sse, kmsKeyId);
    }
}
