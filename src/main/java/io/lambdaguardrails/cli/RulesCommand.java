package io.lambdaguardrails.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rules}: the rule reference, from the catalogue that ships with this version. */
@Dependent
@Command(name = "rules", description = "List the governance rules or show one in detail.",
        mixinStandardHelpOptions = true, subcommands = {RulesListCommand.class, RulesShowCommand.class})
public class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
