package io.lambdaguardrails.risk;

/**
 * How much each ingredient adds to a risk path's score, and where the tiers begin ({@code risk:} in
 * {@code guardrails.yaml}; field names are the keys users write). {@code combination} is added once when a function
 * reachable from outside the organisation runs with an administrator or escalating role: together they are far
 * worse than apart, so such a path outranks any function without that pair.
 */
public record RiskWeights(
        Exposure exposure,
        BlastRadius blastRadius,
        int secret,
        Network network,
        int deprecatedRuntime,
        int unsignedCode,
        int combination,
        Tiers tiers) {

    public static RiskWeights defaults() {
        return new RiskWeights(new Exposure(50, 30, 15), new BlastRadius(40, 25, 15), 15, new Network(5, 5), 10, 5,
                50, new Tiers(100, 60, 30));
    }

    /** {@code publicAccess}: a function URL without authentication, or a policy that lets anyone invoke. */
    public record Exposure(int publicAccess, int foreignAccount, int unscopedService) {
    }

    public record BlastRadius(int administrator, int privilegeEscalation, int broadDataAccess) {
    }

    public record Network(int publicSubnet, int openEgress) {
    }

    /** The lowest score of each tier; anything above zero and below {@code medium} is LOW. */
    public record Tiers(int critical, int high, int medium) {
    }

    public int weight(IngredientKind kind) {
        return switch (kind) {
            case PUBLIC_URL, PUBLIC_POLICY -> exposure.publicAccess();
            case FOREIGN_ACCOUNT -> exposure.foreignAccount();
            case UNSCOPED_SERVICE -> exposure.unscopedService();
            case ADMINISTRATOR -> blastRadius.administrator();
            case PRIVILEGE_ESCALATION -> blastRadius.privilegeEscalation();
            case BROAD_DATA_ACCESS -> blastRadius.broadDataAccess();
            case SECRET -> secret;
            case PUBLIC_SUBNET -> network.publicSubnet();
            case OPEN_EGRESS -> network.openEgress();
            case DEPRECATED_RUNTIME -> deprecatedRuntime;
            case UNSIGNED_CODE -> unsignedCode;
        };
    }

    public RiskTier tier(int score) {
        if (score >= tiers.critical()) {
            return RiskTier.CRITICAL;
        }
        if (score >= tiers.high()) {
            return RiskTier.HIGH;
        }
        return score >= tiers.medium() ? RiskTier.MEDIUM : RiskTier.LOW;
    }
}
