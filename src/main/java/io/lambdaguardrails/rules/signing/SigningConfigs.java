package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.Optional;

/** The code-signing configuration a function uses, when the region's configurations could be read. */
final class SigningConfigs {

    private SigningConfigs() {
    }

    static Optional<CodeSigningConfig> of(FunctionScope f) {
        String arn = f.function().codeSigningConfigArn();
        var configs = f.region().codeSigningConfigs();
        if (arn == null || configs == null) {
            return Optional.empty();
        }
        return configs.stream().filter(c -> c.arn().equals(arn)).findFirst();
    }
}
