package io.lambdaguardrails.cli;

import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.ReportDelivery;

import java.io.PrintWriter;

/** The lines that tell a person where the reports went: location or fallback, baseline, links, warnings. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    /** @param links whether to print the pre-signed links (a bearer's key to the reports: not for logs) */
    static void print(PrintWriter out, ReportDelivery.Outcome outcome, boolean links) {
        Publication publication = outcome.publication();
        if (publication.delivered()) {
            out.printf("Reports: %s%s%n", publication.location(), switch (publication.latest()) {
                case REPLACED -> " (and latest/)";
                case UNTOUCHED -> " (partial: latest/ untouched)";
                case TAKEN_BY_ANOTHER_RUN -> " (latest/ left to another run that replaced it first)";
            });
        } else {
            out.printf("NOT DELIVERED: %s%n", publication.failure());
            out.printf("Reports saved locally instead: %s%n", publication.fallbackFolder());
        }
        out.printf("Baseline: %s%n", outcome.baseline().describe());
        if (links) {
            outcome.links().forEach(link -> out.printf("  %-14s %s%n", link.format().fileName(), link.uri()));
        }
        outcome.warnings().forEach(warning -> out.printf("warning: %s%n", warning));
        out.flush();
    }
}
