package io.lambdaguardrails.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** The caller's credentials: the ones given (tests), else the default chain, closed after use when opened here. */
record CallerCredentials(AwsCredentialsProvider given, DefaultCredentialsProvider opened) implements AutoCloseable {

    CallerCredentials(AwsCredentialsProvider given) {
        this(given, given == null ? DefaultCredentialsProvider.builder().build() : null);
    }

    AwsCredentialsProvider credentials() {
        return given != null ? given : opened;
    }

    @Override
    public void close() {
        if (opened != null) {
            opened.close();
        }
    }
}
