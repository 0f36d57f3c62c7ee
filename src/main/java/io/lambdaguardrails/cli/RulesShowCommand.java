package io.lambdaguardrails.cli;

import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleMeta;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rules show ID}: why a rule exists, how to fix what it finds, and where it maps in the standards. */
@Dependent
@Command(name = "show", description = "Show a rule's rationale, remediation, references and standards mapping.",
        mixinStandardHelpOptions = true)
public class RulesShowCommand implements Callable<Integer> {

    static final int USAGE_ERROR = 2;
    private static final int WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Rule id, in any case (e.g. LG-NET-003).")
    String id;

    @Override
    public Integer call() {
        Optional<RuleMeta> found = RuleCatalogue.byId(id.strip()).map(r -> r.meta());
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("Unknown rule id '" + id + "'; run 'rules list' to see them (e.g. LG-NET-003).");
            return USAGE_ERROR;
        }
        RuleMeta meta = found.get();
        PrintWriter out = spec.commandLine().getOut();
        out.println(meta.id() + "  " + meta.title());
        out.println("Family:    " + meta.family().label() + " (" + meta.family().prefix() + ")");
        out.println("Severity:  " + meta.defaultSeverity() + " by default");
        out.println("Default:   " + (meta.enabledByDefault() ? "on" : "off (enable it in guardrails.yaml or with --rules " + meta.id() + ")"));
        out.println("Standards: " + (meta.standards().isEmpty() ? "none" : String.join(", ", meta.standards())));
        section(out, "Why it matters", meta.rationale());
        section(out, "How to fix", meta.remediation());
        out.println();
        out.println("References");
        meta.references().forEach(r -> out.println("  - " + r));
        out.flush();
        return 0;
    }

    private static void section(PrintWriter out, String heading, String text) {
        out.println();
        out.println(heading);
        wrap(text, WIDTH - 2).forEach(line -> out.println("  " + line));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
