package io.lambdaguardrails.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every CloudFormation template passes cfn-lint, warnings included (cfn-lint checks IAM action names). */
@Tag("packaging")
class CfnLintTest {

    private static final Path CFN_LINT = Executables.onPath("cfn-lint").orElse(null);

    @BeforeEach
    void requireCfnLint() {
        assumeTrue(CFN_LINT != null, "cfn-lint is not on the PATH: skipping template linting (pip install cfn-lint)");
    }

    static List<Path> templates() {
        return CloudFormationYaml.templates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templatePassesCfnLint(Path template) throws Exception {
        Result result = lint(template);
        assertThat(result.exitCode()).as("cfn-lint %s:%n%s", template, result.output()).isZero();
    }

    @Test
    void aMisspeltActionFailsTheLint(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("member-role.yaml");
        Files.writeString(broken, Files.readString(CloudFormationYaml.DIRECTORY.resolve("member-role.yaml"))
                .replace("lambda:ListFunctions", "lambda:ListFunctionz"));
        Result result = lint(broken);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("listfunctionz");
    }

    private static Result lint(Path template) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(CFN_LINT.toString(), template.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
