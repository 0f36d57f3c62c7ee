package io.lambdaguardrails.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The comparison each IAM condition operator makes between one request value and one policy value, in its
 * positive sense ({@code StringNotEquals} compares as {@code StringEquals}; {@link Condition} negates). A value
 * that does not parse as the operator's type (a number, a date, an address) matches nothing.
 */
final class ConditionOperator {

    private static final Set<String> NEGATED = Set.of("stringnotequals", "stringnotequalsignorecase", "stringnotlike",
            "numericnotequals", "datenotequals", "notipaddress", "arnnotequals", "arnnotlike");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern EPOCH = Pattern.compile("-?\\d+");

    private ConditionOperator() {
    }

    static boolean negated(String base) {
        return NEGATED.contains(base);
    }

    /** Whether any policy value matches the request value; unknown when a value's policy variable is unknown. */
    static Truth matchesAny(String base, List<String> policyValues, String requestValue, RequestContext context) {
        Truth result = Truth.FALSE;
        for (String policyValue : policyValues) {
            Truth one = switch (PolicyVariables.resolve(policyValue, context)) {
                case PolicyVariables.Resolved.Value v -> Truth.of(compare(base, v.text(), requestValue));
                case PolicyVariables.Resolved.Unknown u -> Truth.unknown(Set.of(u.key()));
                case PolicyVariables.Resolved.Missing m -> Truth.FALSE;
            };
            result = result.or(one);
        }
        return result;
    }

    private static boolean compare(String base, String policy, String request) {
        String literal = PolicyVariables.literal(request);
        String exact = PolicyVariables.plain(policy);
        return switch (base) {
            case "stringequals", "stringnotequals", "binaryequals" -> exact.equals(request);
            case "stringequalsignorecase", "stringnotequalsignorecase", "bool" -> exact.equalsIgnoreCase(request);
            case "stringlike", "stringnotlike" -> Wildcard.matches(policy, literal, false);
            case "arnequals", "arnnotequals", "arnlike", "arnnotlike" -> Arns.matches(policy, literal);
            case "numericequals", "numericnotequals" -> numeric(request, policy, c -> c == 0);
            case "numericlessthan" -> numeric(request, policy, c -> c < 0);
            case "numericlessthanequals" -> numeric(request, policy, c -> c <= 0);
            case "numericgreaterthan" -> numeric(request, policy, c -> c > 0);
            case "numericgreaterthanequals" -> numeric(request, policy, c -> c >= 0);
            case "dateequals", "datenotequals" -> date(request, policy, c -> c == 0);
            case "datelessthan" -> date(request, policy, c -> c < 0);
            case "datelessthanequals" -> date(request, policy, c -> c <= 0);
            case "dategreaterthan" -> date(request, policy, c -> c > 0);
            case "dategreaterthanequals" -> date(request, policy, c -> c >= 0);
            case "ipaddress", "notipaddress" -> inRange(request, policy);
            default -> false;
        };
    }

    private static boolean numeric(String request, String policy, IntPredicate test) {
        try {
            return test.test(new BigDecimal(request.trim()).compareTo(new BigDecimal(policy.trim())));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String request, String policy, IntPredicate test) {
        Optional<Instant> r = instant(request), p = instant(policy);
        return r.isPresent() && p.isPresent() && test.test(r.get().compareTo(p.get()));
    }

    /** ISO 8601 (with or without time and offset) or seconds since the epoch. */
    static Optional<Instant> instant(String text) {
        String t = text.trim();
        try {
            if (EPOCH.matcher(t).matches()) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
            }
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException noOffset) {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean inRange(String request, String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        Optional<byte[]> address = address(request.trim()), network = address(parts[0]);
        if (address.isEmpty() || network.isEmpty() || address.get().length != network.get().length) {
            return false;
        }
        int bits = address.get().length * 8;
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        } catch (NumberFormatException e) {
            return false;
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        BigInteger a = new BigInteger(1, address.get()), n = new BigInteger(1, network.get());
        return a.shiftRight(bits - prefix).equals(n.shiftRight(bits - prefix));
    }

    /** A literal IPv4 or IPv6 address; never a host name (no lookup is made). */
    private static Optional<byte[]> address(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (v4 && java.util.Arrays.stream(text.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)
                || !v4 && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
