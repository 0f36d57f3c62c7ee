package io.lambdaguardrails.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("right-to-left override", "invoice\u202Eexe.pdf", "invoice\\u202Eexe.pdf"),
                Arguments.of("isolates and marks", "a\u2066b\u2069c\u200Fd", "a\\u2066b\\u2069c\\u200Fd"),
                Arguments.of("bell", "ding\u0007", "ding\\u0007"),
                Arguments.of("terminal escape sequence", "\u001B[2Jcleared", "\\u001B[2Jcleared"),
                Arguments.of("line breaks", "one\ntwo\r\nthree", "one\\u000Atwo\\u000D\\u000Athree"),
                Arguments.of("tab", "a\tb", "a\\u0009b"),
                Arguments.of("zero-width space and byte-order mark", "pay\u200Broll\uFEFF", "pay\\u200Broll\\uFEFF"),
                Arguments.of("line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"),
                Arguments.of("other scripts and emoji are kept", "caf\u00e9 \u65e5\u672c \ud83d\ude80 \u05e9\u05dc\u05d5\u05dd",
                        "caf\u00e9 \u65e5\u672c \ud83d\ude80 \u05e9\u05dc\u05d5\u05dd"),
                Arguments.of("markup is left to the output's own escaping", "<b>&amp;</b>", "<b>&amp;</b>"),
                Arguments.of("null", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void showsActingCharactersAsEscapes(String name, String text, String shown) {
        assertThat(DisplayText.escape(text)).isEqualTo(shown);
    }
}
