package io.lambdaguardrails.policy;

/**
 * Where a statement is: the policy's name and kind, the statement's position (from 1) and its Sid. {@code conditional}
 * says whether it applies only for some request contexts.
 */
public record StatementRef(PolicyKind kind, String policy, int index, String sid, Effect effect, boolean conditional) {

    /** {@code identity policy "ReadOnly" statement 2 (Sid "S3")}: for a finding's detail. */
    public String describe() {
        return kind.label() + " \"" + policy + "\" statement " + index + (sid.isEmpty() ? "" : " (Sid \"" + sid + "\")");
    }
}
