package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.inventory.snapshot.ServiceControlPolicy;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.ScpLevel;
import io.lambdaguardrails.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SCPs that bind an account: one {@link ScpLevel} per target on its path (the root, each OU, the account), or
 * why they cannot be applied. Organizations keeps at least one SCP on every target; a target with none listed
 * (an emulator, a partial listing) restricts nothing here rather than everything.
 */
public record ScpPath(Status status, List<String> targets, List<ScpLevel> levels) {

    public enum Status {
        /** The levels bind the account. */
        APPLIED("SCPs on the account's path applied"),
        /** SCPs do not affect the management account. */
        MANAGEMENT_ACCOUNT("SCPs do not bind the management account"),
        ORGANIZATIONS_NOT_READ("SCPs not evaluated: Organizations was not read"),
        SCPS_NOT_READ("SCPs not evaluated: the organisation's SCPs were not read"),
        NOT_LISTED("SCPs not evaluated: Organizations did not list the account"),
        UNPARSEABLE("SCPs not evaluated: an SCP on the account's path does not parse");

        private final String note;

        Status(String note) {
            this.note = note;
        }

        /** How a finding says it. */
        public String note() {
            return note;
        }
    }

    public ScpPath {
        targets = List.copyOf(targets);
        levels = List.copyOf(levels);
    }

    /** The account's SCPs, resolved once per rule context for all its roles and rules. */
    public static ScpPath of(RuleContext context, String accountId) {
        return context.memo().get(new Account(accountId), () -> resolve(context, accountId));
    }

    private static ScpPath resolve(RuleContext context, String accountId) {
        OrgContext org = context.snapshot().org();
        if (!org.available()) {
            return unapplied(Status.ORGANIZATIONS_NOT_READ);
        }
        if (accountId.equals(org.managementAccountId())) {
            return unapplied(Status.MANAGEMENT_ACCOUNT);
        }
        Optional<OrgAccount> member = org.account(accountId);
        if (member.isEmpty()) {
            return unapplied(Status.NOT_LISTED);
        }
        if (org.scps() == null) {
            return new ScpPath(Status.SCPS_NOT_READ, member.get().path(), List.of());
        }
        List<ScpLevel> levels = new ArrayList<>();
        for (String target : member.get().path()) {
            List<NamedPolicy> attached = new ArrayList<>();
            for (ServiceControlPolicy scp : org.scps()) {
                if (!scp.targetIds().contains(target)) {
                    continue;
                }
                Optional<PolicyDocument> document = context.policy(scp.document());
                if (document.isEmpty()) {
                    return new ScpPath(Status.UNPARSEABLE, member.get().path(), List.of());
                }
                attached.add(new NamedPolicy(scp.name(), document.get()));
            }
            if (!attached.isEmpty()) {
                levels.add(new ScpLevel(target, attached));
            }
        }
        return new ScpPath(Status.APPLIED, member.get().path(), levels);
    }

    private static ScpPath unapplied(Status status) {
        return new ScpPath(status, List.of(), List.of());
    }

    /** Whether the levels say what SCPs allow: applied, or known not to bind (the management account). */
    public boolean known() {
        return status == Status.APPLIED || status == Status.MANAGEMENT_ACCOUNT;
    }

    private record Account(String id) {
    }
}
