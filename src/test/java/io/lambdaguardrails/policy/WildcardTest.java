package io.lambdaguardrails.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardTest {

    @ParameterizedTest(name = "{0} ~ {1} (ignoreCase {2}) = {3}")
    @CsvSource({
            "*, anything, false, true",
            "*, '', false, true",
            "lambda:*, lambda:InvokeFunction, false, true",
            "lambda:Update*, lambda:UpdateFunctionCode, false, true",
            "lambda:Update*, lambda:InvokeFunction, false, false",
            "lambda:*Function, lambda:GetFunction, false, true",
            "lambda:*Function, lambda:GetFunctionConfiguration, false, false",
            "lambda:Get?unction, lambda:GetFunction, false, true",
            "lambda:invoke*, lambda:InvokeFunction, false, false",
            "lambda:invoke*, lambda:InvokeFunction, true, true",
            "arn:aws:*:*:*:function:*, arn:aws:lambda:us-east-1:111111111111:function:fn, false, true",
            "a*b*c, axxbyyc, false, true",
            "a*b*c, axxbyy, false, false",
            "abc, abcd, false, false",
            "S3:get*, s3:GetObject, true, true",
            "s3:Get?bject, S3:GETOBJECT, true, true",
            "s3:GetObject, s3:GetObjecT, false, false",
            "s3:Get[, s3:get{, true, false",
            "ÉTAT:*, état:Lire, true, true",
            "état:lire, ÉTAT:LIRE, false, false",
    })
    void matchesLikeIam(String pattern, String text, boolean ignoreCase, boolean expected) {
        assertThat(Wildcard.matches(pattern, text, ignoreCase)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} after {1}: some text {2}, every text {3}")
    @CsvSource({
            "*, s3:, true, true",
            "s3:*, s3:, true, true",
            "S3:*, s3:, true, true",
            "s*, s3:, true, true",
            "s*:*, s3:, true, true",
            "s3:Get*, s3:, true, false",
            "s*:List*, s3:, true, false",
            "*Object, s3:, true, false",
            "?3:*, s3:, true, true",
            "s3:?*, s3:, true, false",
            "sqs:*, s3:, false, false",
            "s3, s3:, false, false",
            "s3:, s3:, true, false",
    })
    void knowsWhatTextsStartingWithAPrefixMatch(String pattern, String prefix, boolean some, boolean every) {
        assertThat(Wildcard.matchesSomeTextStartingWith(pattern, prefix, true)).isEqualTo(some);
        assertThat(Wildcard.matchesEveryTextStartingWith(pattern, prefix, true)).isEqualTo(every);
    }
}
