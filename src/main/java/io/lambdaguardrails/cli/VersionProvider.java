package io.lambdaguardrails.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into the build, so --help, the reports and the Lambda summary agree. */
public class VersionProvider implements IVersionProvider {

    public static String version() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lambda-guardrails " + version()};
    }
}
