package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.RuntimeLifecycle;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.Waiver;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Jackson builds these records from {@code guardrails.yaml} by reflection; a native image must keep them. */
@RegisterForReflection(targets = {
        Settings.class, Settings.NetworkSettings.class, Settings.IamSettings.class, Settings.LayerSettings.class,
        Settings.OrgSettings.class, Settings.TagSettings.class, Settings.RuntimeSettings.class,
        Settings.SigningSettings.class, Settings.OpsSettings.class, Settings.MemoryRange.class,
        RuntimeLifecycle.class, RuleOverride.class, Waiver.class, Waiver.Match.class,
        RiskWeights.class, RiskWeights.Exposure.class, RiskWeights.BlastRadius.class, RiskWeights.Network.class,
        RiskWeights.Tiers.class})
final class ConfigReflection {

    private ConfigReflection() {
    }
}
