package io.lambdaguardrails.job;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.ReportFiles;
import io.lambdaguardrails.sink.S3Access;

import java.util.List;
import java.util.NoSuchElementException;

/** The findings.json files a user names, local or in S3; one that names nothing readable is an {@link UnusableInput}. */
final class FindingsInputs {

    private final ReportFiles files;

    FindingsInputs(S3Access s3) {
        this.files = new ReportFiles(s3);
    }

    ScanResult read(String location) {
        try {
            return files.read(location);
        } catch (IllegalArgumentException | NoSuchElementException | FindingsJson.InvalidFindingsException e) {
            throw new UnusableInput(e.getMessage(), e);
        }
    }

    /** Every findings.json below a folder or an s3:// prefix ending in /; a file stands for itself. */
    List<String> expand(String location) {
        try {
            return files.expand(location);
        } catch (IllegalArgumentException e) {
            throw new UnusableInput(e.getMessage(), e);
        }
    }
}
