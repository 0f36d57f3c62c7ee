package io.lambdaguardrails.rules.config;

/**
 * The configuration file cannot be used. The message names the file, the line and column when known, what is wrong
 * and an example of a right value; the command line turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;

    public ConfigException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ", line " + line + ", column " + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** A problem with no place in a file, such as a {@code --rules} pattern. */
    public ConfigException(String problem) {
        super(problem);
        this.source = null;
        this.line = 0;
        this.column = 0;
    }

    public String source() {
        return source;
    }

    /** 1-based; 0 when the problem has no position. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
