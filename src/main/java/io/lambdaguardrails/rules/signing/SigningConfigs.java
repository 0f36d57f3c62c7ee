package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.Optional;

/** The code-signing configuration a function uses, when the region's configurations could be read. */
final class SigningConfigs {

    private SigningConfigs() {
    }

    static Optional<CodeSigningConfig> of(FunctionScope f) {
        String arn = f.function().codeSigningConfigArn();
        if (arn == null || !f.region().collected(RegionInventory.Part.CODE_SIGNING_CONFIGS)) {
            return Optional.empty();
        }
        return f.region().codeSigningConfigs().stream().filter(c -> c.arn().equals(arn)).findFirst();
    }
}
