package io.lambdaguardrails.cli;

import io.lambdaguardrails.report.ScanResult;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into the build, so --help, the reports and the Lambda summary agree. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"lambda-guardrails " + ScanResult.Tool.current().version()};
    }
}
