package io.lambdaguardrails.rules.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of IP addresses given as CIDR blocks, judged by arithmetic rather than by text: {@code 0.0.0.0/1} together
 * with {@code 128.0.0.0/1} is the whole IPv4 space just as {@code 0.0.0.0/0} is. Blocks that are not valid CIDR
 * notation are left out of the set.
 */
final class AddressSet {

    /** Only IP literals reach {@link InetAddress}, so parsing never turns into a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(BigInteger first, BigInteger last) {
    }

    private final List<Range> ipv4 = new ArrayList<>();
    private final List<Range> ipv6 = new ArrayList<>();

    private AddressSet() {
    }

    static AddressSet of(Collection<String> cidrs) {
        AddressSet set = new AddressSet();
        cidrs.forEach(set::add);
        return set;
    }

    /** Whether the set holds every IPv4 address or every IPv6 address. */
    boolean anywhere() {
        return coversAll(ipv4, 32) || coversAll(ipv6, 128);
    }

    private void add(String cidr) {
        if (cidr == null) {
            return;
        }
        String[] parts = cidr.strip().split("/", 2);
        if (!IP_LITERAL.matcher(parts[0]).matches()) {
            return;
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int bits = address.length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                return;
            }
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
            BigInteger first = new BigInteger(1, address).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            (bits == 32 ? ipv4 : ipv6).add(new Range(first, first.add(size).subtract(BigInteger.ONE)));
        } catch (UnknownHostException | NumberFormatException e) {
            // not CIDR notation: no addresses
        }
    }

    private static boolean coversAll(List<Range> ranges, int bits) {
        BigInteger next = BigInteger.ZERO;
        for (Range r : ranges.stream().sorted(Comparator.comparing(Range::first)).toList()) {
            if (r.first().compareTo(next) > 0) {
                return false;
            }
            next = next.max(r.last().add(BigInteger.ONE));
        }
        return next.equals(BigInteger.ONE.shiftLeft(bits));
    }
}
