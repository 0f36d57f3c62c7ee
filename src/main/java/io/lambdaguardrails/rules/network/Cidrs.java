package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;

import java.util.List;
import java.util.Set;

/** Facts about address ranges and ports shared by the security-group and network-ACL rules. */
final class Cidrs {

    static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

    private Cidrs() {
    }

    static boolean anywhere(List<String> cidrs) {
        return cidrs.stream().anyMatch(ANYWHERE::contains);
    }

    static boolean allProtocols(String protocol) {
        return "-1".equals(protocol) || "all".equalsIgnoreCase(protocol);
    }

    static boolean allPorts(Network.SgRule rule) {
        return (rule.fromPort() == null || rule.fromPort() <= 0) && (rule.toPort() == null || rule.toPort() >= 65535);
    }

    static boolean isProtocol(String protocol, String name, String number) {
        return name.equalsIgnoreCase(protocol) || number.equals(protocol);
    }
}
