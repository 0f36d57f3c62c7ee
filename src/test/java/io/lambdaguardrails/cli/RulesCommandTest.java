package io.lambdaguardrails.cli;

import io.lambdaguardrails.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RulesCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void listsEveryRuleOnePerLineInIdOrder() {
        assertThat(run("list")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).matches("ID\\s+FAMILY\\s+SEVERITY\\s+DEFAULT\\s+TITLE");
        List<String> ids = lines.stream().skip(1).map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).hasSize(RuleCatalogue.all().size()).isSorted();
        assertThat(lines).anyMatch(l -> l.matches("LG-NET-008\\s+NET\\s+LOW\\s+off\\s+Network ACL of a function's subnet.*"));
        assertThat(lines).anyMatch(l -> l.matches("LG-RUN-001\\s+RUN\\s+CRITICAL\\s+on\\s+Environment variable holds a secret"));
    }

    @Test
    void showsARuleInDetail() {
        assertThat(run("show", "lg-net-002")).isZero();

        String text = out.toString();
        assertThat(text).startsWith("LG-NET-002  VPC-attached function spans too few Availability Zones");
        assertThat(text).contains("Family:    Network (NET)", "Severity:  MEDIUM by default", "Default:   on",
                "Standards: FSBP Lambda.5, AWS Config LAMBDA_VPC_MULTI_AZ_CHECK", "Why it matters", "How to fix",
                "  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html");
        assertThat(text.lines()).allMatch(l -> l.length() <= 100);
    }

    @Test
    void tellsHowToEnableAnOffRule() {
        run("show", "LG-OPS-001");
        assertThat(out.toString()).contains("Default:   off (enable it in guardrails.yaml or with --rules LG-OPS-001)");
    }

    @Test
    void anUnknownIdIsAUsageError() {
        assertThat(run("show", "LG-XYZ-001")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown rule id 'LG-XYZ-001'", "rules list");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void wrapsOnWordBoundaries() {
        assertThat(RulesShowCommand.wrap("aaa bbb ccc ddd", 7)).containsExactly("aaa bbb", "ccc ddd");
    }
}
