package io.lambdaguardrails.report;

import io.lambdaguardrails.text.DisplayText;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import io.quarkus.qute.Variant;

import java.util.List;

/**
 * Qute's HTML escaping, after {@link DisplayText#escape}: a value shows its control and direction characters as
 * {@code \\uXXXX}, in text and attributes alike. Pre-encoded values ({@code RawString}) are left alone, as by Qute.
 */
final class DisplayTextEscaper implements ResultMapper {

    private final HtmlEscaper html = new HtmlEscaper(List.of(Variant.TEXT_HTML));

    @Override
    public int getPriority() {
        return html.getPriority();
    }

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return html.appliesTo(origin, result);
    }

    @Override
    public String map(Object result, Expression expression) {
        return html.map(DisplayText.escape(result.toString()), expression);
    }
}
