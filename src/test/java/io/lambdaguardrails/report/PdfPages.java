package io.lambdaguardrails.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The number of pages of a PDF Chromium printed: its page objects ({@code /Type /Page}, not the {@code /Pages} tree
 * nodes). Chromium writes them uncompressed, outside object streams.
 */
final class PdfPages {

    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private PdfPages() {
    }

    static int count(byte[] pdf) {
        return (int) PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
    }
}
