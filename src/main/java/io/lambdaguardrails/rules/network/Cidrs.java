package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What security-group rules and network-ACL entries open to anywhere, judged on address sets and port ranges: the
 * rules of one protocol (with the all-protocols rules) together must cover a port for every IPv4 or every IPv6
 * address. Two rules to {@code 0.0.0.0/1} and {@code 128.0.0.0/1}, or one for ports 0-32767 and one for 32768-65535,
 * open as much as one rule to {@code 0.0.0.0/0} for all ports.
 */
final class Cidrs {

    static final int MAX_PORT = 65535;
    private static final String ALL = "-1";
    private static final Map<String, String> PROTOCOL_NUMBERS = Map.of("tcp", "6", "udp", "17", "icmp", "1",
            "icmpv6", "58", "all", ALL);

    /** An inclusive range of ports (or ICMP types). */
    record PortRange(int from, int to) {
        static final PortRange EVERY = new PortRange(0, MAX_PORT);

        boolean contains(int port) {
            return from <= port && port <= to;
        }
    }

    private Cidrs() {
    }

    static boolean anywhere(List<String> cidrs) {
        return AddressSet.of(cidrs).anywhere();
    }

    static boolean allProtocols(String protocol) {
        return ALL.equals(number(protocol));
    }

    /** The protocol as its IANA number ({@code tcp} is {@code 6}); {@code -1} for all protocols. */
    static String number(String protocol) {
        String p = protocol == null ? ALL : protocol.strip().toLowerCase(Locale.ROOT);
        return PROTOCOL_NUMBERS.getOrDefault(p, p);
    }

    /** Whether the rules let every TCP and every UDP port (or every protocol) through to or from anywhere. */
    static boolean allTraffic(List<Network.SgRule> rules) {
        return isEveryPort(openToAnywhere(rules, "6")) && isEveryPort(openToAnywhere(rules, "17"));
    }

    /** The protocols (as numbers) for which some port is open to or from anywhere. */
    static List<String> protocolsOpenToAnywhere(List<Network.SgRule> rules) {
        TreeSet<String> protocols = new TreeSet<>();
        rules.forEach(r -> protocols.add(number(r.protocol())));
        return protocols.stream().filter(p -> !openToAnywhere(rules, p).isEmpty()).toList();
    }

    /**
     * The port ranges of {@code protocol} that the rules open to anywhere: the port line is cut where any applicable
     * rule starts or ends, and each piece is open when the addresses of the rules covering it make up anywhere.
     */
    static List<PortRange> openToAnywhere(List<Network.SgRule> rules, String protocol) {
        List<Network.SgRule> applicable = rules.stream()
                .filter(r -> allProtocols(r.protocol()) || number(r.protocol()).equals(protocol)).toList();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, MAX_PORT + 1));
        applicable.forEach(r -> {
            PortRange ports = ports(r);
            cuts.add(ports.from());
            cuts.add(ports.to() + 1);
        });
        List<PortRange> open = new ArrayList<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null) {
                int start = from;
                List<String> addresses = applicable.stream().filter(r -> ports(r).contains(start))
                        .flatMap(r -> r.cidrs().stream()).toList();
                if (AddressSet.of(addresses).anywhere()) {
                    merge(open, new PortRange(start, cut - 1));
                }
            }
            from = cut;
        }
        return open;
    }

    private static void merge(List<PortRange> open, PortRange range) {
        if (!open.isEmpty() && open.getLast().to() + 1 == range.from()) {
            open.set(open.size() - 1, new PortRange(open.getLast().from(), range.to()));
        } else {
            open.add(range);
        }
    }

    private static boolean isEveryPort(List<PortRange> ranges) {
        return ranges.equals(List.of(PortRange.EVERY));
    }

    /** A rule's ports; all protocols, or no (or -1) port bounds, mean every port. */
    static PortRange ports(Network.SgRule rule) {
        if (allProtocols(rule.protocol()) || rule.fromPort() == null || rule.fromPort() < 0) {
            return PortRange.EVERY;
        }
        int to = rule.toPort() == null || rule.toPort() < 0 ? MAX_PORT : Math.min(rule.toPort(), MAX_PORT);
        return new PortRange(Math.max(0, rule.fromPort()), to);
    }
}
