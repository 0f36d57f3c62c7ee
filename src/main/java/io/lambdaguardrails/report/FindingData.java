package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The findings as the report's script reads them: {@code {"fields": [...], "strings": [...], "rows": [[...], ...]}}.
 * A row holds the finding's id, then for each other field the index of its value in {@code strings}, so a value
 * repeated over thousands of findings (an account name, a rule title, an ARN shared by a function's findings) is
 * written once. Rows are in the order of the view's finding rows (worst first). The JSON has {@code < > &} escaped
 * for its {@code <script type="application/json">} element.
 */
final class FindingData {

    /** The fields after the id, in the order a row holds them; the script reads them by these names. */
    private static final Map<String, Function<ReportView.FindingRow, String>> FIELDS = fields();

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    private FindingData() {
        indexOf("");
    }

    static String of(List<ReportView.FindingRow> rows) {
        var data = new FindingData();
        List<List<Object>> encoded = new ArrayList<>(rows.size());
        for (ReportView.FindingRow row : rows) {
            List<Object> values = new ArrayList<>(FIELDS.size() + 1);
            values.add(row.finding().findingId());
            FIELDS.values().forEach(field -> values.add(data.indexOf(field.apply(row))));
            encoded.add(values);
        }
        var fields = new ArrayList<String>();
        fields.add("id");
        fields.addAll(FIELDS.keySet());
        try {
            return Json.scriptSafeWriter().writeValueAsString(Map.of("fields", fields, "strings", data.strings,
                    "rows", encoded));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the findings for the report's script", e);
        }
    }

    private int indexOf(String value) {
        String text = Objects.requireNonNullElse(value, "");
        Integer known = index.get(text);
        if (known != null) {
            return known;
        }
        strings.add(text);
        index.put(text, strings.size() - 1);
        return strings.size() - 1;
    }

    private static Map<String, Function<ReportView.FindingRow, String>> fields() {
        Map<String, Function<ReportView.FindingRow, String>> fields = new java.util.LinkedHashMap<>();
        fields.put("severity", r -> r.finding().severity().name());
        fields.put("status", r -> r.finding().status().name());
        fields.put("baseline", r -> r.finding().baseline() == null ? "" : r.finding().baseline().name());
        fields.put("rule", r -> r.finding().ruleId());
        fields.put("title", r -> r.finding().title());
        fields.put("family", r -> r.finding().family() == null ? "" : r.finding().family().name());
        fields.put("account", r -> r.finding().accountId());
        fields.put("accountName", r -> r.finding().accountName());
        fields.put("ouPath", r -> r.finding().ouPath());
        fields.put("owner", r -> r.finding().owner());
        fields.put("region", r -> r.finding().region());
        fields.put("resourceType", r -> r.finding().resourceType());
        fields.put("resourceName", r -> r.finding().resourceName());
        fields.put("resourceArn", r -> r.finding().resourceArn());
        fields.put("related", ReportView.FindingRow::related);
        fields.put("detail", r -> r.finding().detail());
        fields.put("firstSeen", r -> r.finding().firstSeen() == null ? "" : r.finding().firstSeen().toString());
        fields.put("ageDays", r -> r.finding().ageDays() == null ? "" : r.finding().ageDays().toString());
        fields.put("waiver", r -> waiver(r.finding().suppression()));
        fields.put("hidden", r -> r.hiddenCharacters() ? "1" : "");
        return fields;
    }

    /** The waiver line as the page shows it under a suppressed finding's detail. */
    static String waiver(Suppression s) {
        return s == null ? "" : "Suppressed by waiver %s (%s, expires %s): %s".formatted(s.waiverId(), s.owner(),
                s.expires() == null ? "never" : s.expires(), s.reason());
    }
}
