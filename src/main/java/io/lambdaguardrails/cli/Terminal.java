package io.lambdaguardrails.cli;

/** Whether a person is watching: a progress bar and pre-signed links are for a terminal, never for a log. */
final class Terminal {

    private static final int DEFAULT_COLUMNS = 80;

    private Terminal() {
    }

    /**
     * Built for Java 21, where {@code System.console()} is null unless attached to a terminal; from Java 22 it always
     * exists and {@code Console.isTerminal()} (looked up reflectively) tells.
     */
    static boolean interactive() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The terminal's width as the shell exports it ({@code COLUMNS}), else the classic 80. */
    static int columns() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? DEFAULT_COLUMNS : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
