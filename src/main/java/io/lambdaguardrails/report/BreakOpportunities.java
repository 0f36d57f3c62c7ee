package io.lambdaguardrails.report;

import io.lambdaguardrails.text.DisplayText;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

import java.util.List;

/**
 * {@code {value.breakable}} in the report template: the value escaped as every other value is (control and direction
 * characters shown by {@link DisplayText#escape}, then HTML-escaped), with a {@code <wbr>} after each separator
 * that a word, a quote or a bracket follows (not a space, not another separator). ARNs, OU paths, names and policy
 * JSON such as
 * {@code arn:aws:lambda:eu-west-1:111122223333:function:payments-processor} then wrap at a separator in a narrow column
 * or on a phone, instead of mid-word.
 */
final class BreakOpportunities {

    private static final String SEPARATORS = "-/:._@,;=&?|)";
    private static final HtmlEscaper ESCAPER = new HtmlEscaper(List.of(Variant.TEXT_HTML));

    static final ValueResolver RESOLVER = ValueResolver.builder()
            .applyToBaseClass(String.class).applyToName("breakable").applyToNoParameters()
            .resolveSync(context -> of((String) context.getBase()))
            .build();

    private BreakOpportunities() {
    }

    static RawString of(String value) {
        String text = DisplayText.escape(value);
        var html = new StringBuilder(text.length() + 32);
        int start = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            char next = text.charAt(i + 1);
            if (isSeparator(text.charAt(i)) && !isSeparator(next) && !Character.isWhitespace(next)) {
                html.append(escape(text.substring(start, i + 1))).append("<wbr>");
                start = i + 1;
            }
        }
        return new RawString(html.append(escape(text.substring(start))).toString());
    }

    private static boolean isSeparator(char c) {
        return SEPARATORS.indexOf(c) >= 0;
    }

    private static String escape(String text) {
        return ESCAPER.map(text, null);
    }
}
