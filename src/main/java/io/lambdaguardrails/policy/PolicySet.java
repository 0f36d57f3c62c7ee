package io.lambdaguardrails.policy;

import java.util.List;
import java.util.Optional;

/**
 * Every policy that takes part in authorising a request: the caller's identity policies (inline, and each attached
 * managed policy's default version), its permissions boundary, the SCPs on its account's path from the root down,
 * and the resource's policy.
 */
public record PolicySet(List<NamedPolicy> identity, Optional<NamedPolicy> boundary, List<ScpLevel> scps,
                        Optional<NamedPolicy> resource) {

    public PolicySet {
        identity = List.copyOf(identity);
        scps = List.copyOf(scps);
    }

    public static PolicySet identity(List<NamedPolicy> identity) {
        return new PolicySet(identity, Optional.empty(), List.of(), Optional.empty());
    }

    public static PolicySet resource(NamedPolicy resource) {
        return new PolicySet(List.of(), Optional.empty(), List.of(), Optional.of(resource));
    }

    public PolicySet withBoundary(NamedPolicy boundary) {
        return new PolicySet(identity, Optional.of(boundary), scps, resource);
    }

    public PolicySet withScps(List<ScpLevel> levels) {
        return new PolicySet(identity, boundary, levels, resource);
    }

    public PolicySet withResource(NamedPolicy policy) {
        return new PolicySet(identity, boundary, scps, Optional.of(policy));
    }
}
