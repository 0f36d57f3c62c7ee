package io.lambdaguardrails.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A governance rule: metadata plus a pure evaluation of the snapshot. Implementations never do I/O and never see
 * AWS SDK types; they return one {@link Violation} per affected resource and stay silent on data they do not have —
 * or, where a scope's verdict hangs on data that was not read, say so with {@link #notEvaluated}.
 * Most judge one function at a time and extend {@link FunctionRule}.
 */
public abstract class Rule {

    private final RuleMeta meta;
    private final Set<Enum<?>> reads;

    /**
     * @param reads the snapshot parts the rule reads that may not be collected (a record's {@code Part} constants):
     *              the scan reads an optional part only when a selected rule declares it
     */
    protected Rule(RuleMeta meta, Enum<?>... reads) {
        this.meta = meta;
        this.reads = Set.of(reads);
    }

    /** {@code part} and {@code more}: for bases whose every rule reads one part. */
    protected static Enum<?>[] reading(Enum<?> part, Enum<?>... more) {
        return Stream.concat(Stream.of(part), Arrays.stream(more)).toArray(Enum<?>[]::new);
    }

    public final RuleMeta meta() {
        return meta;
    }

    public final Set<Enum<?>> reads() {
        return reads;
    }

    public abstract List<Violation> evaluate(RuleContext context);

    /** The scopes this rule could not judge for lack of data, and why; none unless a rule says otherwise. */
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return List.of();
    }

    /** That this rule could not judge {@code region} (or {@code global}) of an account, and why. */
    protected final NotEvaluated cannotJudge(String accountId, String region, String reason) {
        return new NotEvaluated(meta.id(), accountId, region, reason);
    }
}
