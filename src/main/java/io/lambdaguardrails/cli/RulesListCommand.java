package io.lambdaguardrails.cli;

import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleMeta;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules list}: one line per rule, in id order. */
@Dependent
@Command(name = "list", description = "List every rule: id, family, default severity, default on/off and title.",
        mixinStandardHelpOptions = true)
public class RulesListCommand implements Callable<Integer> {

    private static final String FORMAT = "%-11s %-7s %-9s %-8s %s%n";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(FORMAT, "ID", "FAMILY", "SEVERITY", "DEFAULT", "TITLE");
        List<RuleMeta> rules = RuleCatalogue.all().stream().map(Rule::meta)
                .sorted(Comparator.comparing(RuleMeta::id)).toList();
        for (RuleMeta meta : rules) {
            out.printf(FORMAT, meta.id(), meta.family().prefix(), meta.defaultSeverity(),
                    meta.enabledByDefault() ? "on" : "off", meta.title());
        }
        out.flush();
        return 0;
    }
}
