package io.lambdaguardrails.rules.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AddressSetTest {

    static Stream<Arguments> sets() {
        return Stream.of(
                arguments("0.0.0.0/0", List.of("0.0.0.0/0"), true),
                arguments("::/0", List.of("::/0"), true),
                arguments("two IPv4 halves", List.of("0.0.0.0/1", "128.0.0.0/1"), true),
                arguments("halves in the other order", List.of("128.0.0.0/1", "0.0.0.0/1"), true),
                arguments("overlapping blocks", List.of("0.0.0.0/1", "64.0.0.0/2", "128.0.0.0/1"), true),
                arguments("host bits set in a block", List.of("10.1.2.3/1", "200.0.0.0/1"), true),
                arguments("two IPv6 halves", List.of("::/1", "8000::/1"), true),
                arguments("one half", List.of("0.0.0.0/1"), false),
                arguments("a gap of one address", List.of("0.0.0.0/1", "128.0.0.1/32", "128.0.0.2/31", "128.0.0.4/30",
                        "128.0.0.8/29", "128.0.0.16/28", "128.0.0.32/27", "128.0.0.64/26", "128.0.0.128/25",
                        "128.0.1.0/24", "128.0.2.0/23", "128.0.4.0/22", "128.0.8.0/21", "128.0.16.0/20",
                        "128.0.32.0/19", "128.0.64.0/18", "128.0.128.0/17", "128.1.0.0/16", "128.2.0.0/15",
                        "128.4.0.0/14", "128.8.0.0/13", "128.16.0.0/12", "128.32.0.0/11", "128.64.0.0/10",
                        "128.128.0.0/9", "129.0.0.0/8", "130.0.0.0/7", "132.0.0.0/6", "136.0.0.0/5",
                        "144.0.0.0/4", "160.0.0.0/3", "192.0.0.0/2"), false),
                arguments("IPv4 half and IPv6 half do not make anywhere", List.of("0.0.0.0/1", "8000::/1"), false),
                arguments("private ranges", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"), false),
                arguments("not CIDR notation", List.of("anywhere", "0.0.0.0/33", "example.com/0"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void judgesTheUnionOfTheBlocks(String name, List<String> cidrs, boolean anywhere) {
        assertThat(AddressSet.of(cidrs).anywhere()).isEqualTo(anywhere);
    }
}
