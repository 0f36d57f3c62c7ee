package io.lambdaguardrails.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one message a run sends when something new appeared: counts, the top new findings (rule, account, function,
 * a one-line detail — details name secrets by variable and detector only, never by value) and the link to the report.
 * Every value from an AWS account is flattened to one line and clipped, so it cannot forge lines of the message.
 *
 * @param reportLink the pre-signed link to the run's {@code report.html}; null when there is none
 */
public record Notification(NewSinceBaseline news, String reportLink) {

    private static final int DETAIL = 160;

    /** SNS subjects are at most 100 characters. */
    public String subject() {
        String subject = "lambda-guardrails: " + news.newFindings() + " new finding(s) at or above "
                + news.threshold() + ", " + news.newGaps().size() + " new coverage gap(s)";
        return subject.length() <= 100 ? subject : subject.substring(0, 100);
    }

    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + news.runId() + ": " + news.newFindings() + " new open finding(s) at or above "
                + news.threshold() + counts() + "; " + news.newGaps().size() + " new coverage gap(s).");
        if (!news.top().isEmpty()) {
            lines.add("Top new findings:");
            news.top().forEach(f -> lines.add("- " + line(f)));
        }
        news.newGaps().stream().limit(NewSinceBaseline.TOP).forEach(c -> lines.add("- gap: " + oneLine(c.accountId())
                + " " + oneLine(c.region()) + " " + oneLine(c.api()) + " " + c.status()));
        if (reportLink != null) {
            lines.add("Report: " + reportLink);
        }
        return String.join("\n", lines);
    }

    /** New open findings by severity, most severe first; every severity at or above the threshold, zeros included. */
    public Map<Severity, Integer> severityCounts() {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        List.of(Severity.values()).stream().sorted(Comparator.reverseOrder())
                .filter(s -> s.atLeast(news.threshold()))
                .forEach(s -> counts.put(s, news.counts().getOrDefault(s, 0)));
        return counts;
    }

    /**
     * The webhook body: {@code text} is what Slack and Teams incoming webhooks display (with {@code &}, {@code <} and
     * {@code >} escaped as Slack asks, so a name cannot become a link); the other fields are for programs.
     */
    public ObjectNode webhookBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("text", text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        body.put("runId", news.runId());
        body.put("threshold", news.threshold().name());
        ObjectNode counts = body.putObject("newFindings");
        severityCounts().forEach((severity, count) -> counts.put(severity.name(), count));
        body.put("newCoverageGaps", news.newGaps().size());
        var top = body.putArray("top");
        news.top().forEach(f -> top.addObject().put("severity", f.severity().name()).put("ruleId", f.ruleId())
                .put("accountId", f.accountId()).put("resource", oneLine(f.resourceName()))
                .put("detail", oneLine(f.detail())));
        if (reportLink != null) {
            body.put("report", reportLink);
        }
        return body;
    }

    private String counts() {
        StringBuilder text = new StringBuilder();
        severityCounts().forEach((severity, count) -> {
            if (count > 0) {
                text.append(text.isEmpty() ? " (" : ", ").append(severity).append(' ').append(count);
            }
        });
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    private static String line(Finding f) {
        return f.severity() + " " + f.ruleId() + " " + f.accountId()
                + (f.accountName() == null ? "" : " (" + oneLine(f.accountName()) + ")")
                + " " + oneLine(f.resourceName()) + ": " + oneLine(f.detail());
    }

    /** Control and format characters become spaces; at most {@value #DETAIL} characters. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        String flat = value.replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]+", " ").strip();
        return flat.length() <= DETAIL ? flat : flat.substring(0, DETAIL - 1) + "…";
    }
}
