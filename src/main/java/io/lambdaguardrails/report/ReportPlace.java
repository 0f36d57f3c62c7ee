package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;

import java.util.List;

/**
 * Where a {@code report.html} stands among a split run's reports ({@code --split-by}): a view's page says whose it
 * is ({@code view}); the run's own page lists its views ({@code views}) with links relative to itself. Neither for a
 * run without views. Names are data from the accounts (owner tags) and are escaped by the template like any other.
 */
public record ReportPlace(Label view, List<Link> views) {

    /**
     * Whose a view is: {@code kind} ("owner", "account", "OU") and the value, with the account's name for an account;
     * {@code runReport} is the run's own page relative to the view's ({@code ../../../report.html}).
     */
    public record Label(String kind, String name, String detail, String runReport) {
    }

    /** A view's page, {@code href} relative to the run's report ({@code views/owner/team-a/report.html}). */
    public record Link(String kind, String name, String detail, String href, long open) {
    }

    /** The page of a run that was not split. */
    public static final ReportPlace RUN = new ReportPlace(null, List.of());

    public ReportPlace {
        views = List.copyOf(views);
    }

    /** The run's own page, linking to each view's {@code report.html}. */
    public static ReportPlace run(List<Views.View> views) {
        return new ReportPlace(null, views.stream().map(v -> {
            Label label = label(v);
            return new Link(label.kind(), label.name(), label.detail(), v.folder() + "/" + ReportFile.REPORT_HTML.fileName(),
                    v.result().findings().stream().filter(Finding::open).count());
        }).toList());
    }

    /** A view's own page. */
    public static ReportPlace of(Views.View view) {
        return new ReportPlace(label(view), List.of());
    }

    private static Label label(Views.View view) {
        String name = view.value().isEmpty() ? "(none)" : view.value();
        String detail = view.kind() == SplitBy.ACCOUNT
                ? view.result().accounts().stream().filter(a -> a.accountId().equals(view.value()))
                        .map(AccountSummary::accountName).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null)
                : null;
        String up = "../".repeat(view.folder().split("/").length);
        return new Label(view.kind() == SplitBy.OU ? "OU" : view.kind().folder(), name, detail,
                up + ReportFile.REPORT_HTML.fileName());
    }
}
