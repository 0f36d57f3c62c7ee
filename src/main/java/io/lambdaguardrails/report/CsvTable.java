package io.lambdaguardrails.report;

import io.lambdaguardrails.text.DisplayText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How every CSV report is written: RFC 4180, UTF-8 without a byte-order mark, a header row, one row per record.
 * Every cell holds text from scanned accounts, so control and format characters are written as {@code \\uXXXX}
 * ({@link DisplayText}) and a cell that a spreadsheet would run as a formula gets a leading {@code '}.
 */
final class CsvTable<T> {

    record Column<T>(String name, Function<T, Object> value) {
    }

    private final List<Column<T>> columns;
    private final List<String> header;
    private final CSVFormat format;

    CsvTable(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
        this.header = columns.stream().map(Column::name).toList();
        this.format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    }

    List<String> header() {
        return header;
    }

    byte[] write(Iterable<T> rows) {
        var bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            write(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams the rows to {@code out} and flushes it, leaving it open. */
    void write(Iterable<T> rows, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, format);
        for (T row : rows) {
            for (Column<T> column : columns) {
                printer.print(inert(DisplayText.escape(text(column.value().apply(row)))));
            }
            printer.println();
        }
        printer.flush();
    }

    /**
     * Makes a cell inert for spreadsheets: one that starts with {@code = + - @}, a tab or a carriage return would be
     * evaluated as a formula (OWASP "CSV injection"), so it gets a leading apostrophe.
     */
    static String inert(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return Objects.toString(value, "");
    }
}
