package io.lambdaguardrails.policy;

import io.lambdaguardrails.policy.Restriction.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RestrictionTest {

    static final String OWN = "111111111111", SISTER = "222222222222", FOREIGN = "999988887777";
    static final Membership KNOWN = new Membership(OWN, true, Set.of(OWN, SISTER), "o-abcdefghij");
    static final Membership UNKNOWN_ORG = new Membership(OWN, false, Set.of(OWN), null);

    static Statement publicInvoke(String condition) throws PolicyParseException {
        return PolicyDocumentTest.only("""
                {"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Condition":%s}]}
                """.formatted(condition));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no condition", "{}", Scope.ANYONE, List.of()),
                arguments("own SourceAccount", "{\"StringEquals\":{\"aws:SourceAccount\":\"" + OWN + "\"}}", Scope.OWN_ACCOUNT, List.of()),
                arguments("key case from moto", "{\"StringEquals\":{\"AWS:SourceAccount\":\"" + OWN + "\"}}", Scope.OWN_ACCOUNT, List.of()),
                arguments("sister SourceAccount", "{\"StringEquals\":{\"aws:SourceAccount\":\"" + SISTER + "\"}}", Scope.ORGANISATION, List.of()),
                arguments("foreign SourceAccount", "{\"StringEquals\":{\"aws:SourceAccount\":\"" + FOREIGN + "\"}}", Scope.FOREIGN, List.of(FOREIGN)),
                arguments("one of two values foreign", "{\"StringEquals\":{\"aws:SourceAccount\":[\"" + OWN + "\",\"" + FOREIGN + "\"]}}", Scope.FOREIGN, List.of(FOREIGN)),
                arguments("wildcard SourceAccount", "{\"StringLike\":{\"aws:SourceAccount\":\"1111*\"}}", Scope.ANYONE, List.of()),
                arguments("IfExists does not restrict", "{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"" + OWN + "\"}}", Scope.ANYONE, List.of()),
                arguments("negated does not restrict", "{\"StringNotEquals\":{\"aws:SourceAccount\":\"" + FOREIGN + "\"}}", Scope.ANYONE, List.of()),
                arguments("ForAllValues does not restrict", "{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\"}}", Scope.ANYONE, List.of()),
                arguments("own PrincipalAccount", "{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + OWN + "\"}}", Scope.OWN_ACCOUNT, List.of()),
                arguments("SourceArn with our account", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:execute-api:us-east-1:" + OWN + ":api/*\"}}", Scope.OWN_ACCOUNT, List.of()),
                arguments("SourceArn with a foreign account", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:" + FOREIGN + ":t\"}}", Scope.FOREIGN, List.of(FOREIGN)),
                arguments("S3 SourceArn names no account", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", Scope.ANYONE, List.of()),
                arguments("SourceArn account wildcard", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:*:t\"}}", Scope.ANYONE, List.of()),
                arguments("SourceArn *", "{\"ArnLike\":{\"aws:SourceArn\":\"*\"}}", Scope.ANYONE, List.of()),
                arguments("our PrincipalOrgID", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\"}}", Scope.ORGANISATION, List.of()),
                arguments("foreign PrincipalOrgID", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-zzzzzzzzzz\"}}", Scope.FOREIGN, List.of("o-zzzzzzzzzz")),
                arguments("PrincipalOrgID like *", "{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}", Scope.ANYONE, List.of()),
                arguments("our PrincipalOrgPaths", "{\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-abcdefghij/r-ab12/ou-ab12-11111111/*\"}}", Scope.ORGANISATION, List.of()),
                arguments("foreign SourceOrgPaths", "{\"StringLike\":{\"aws:SourceOrgPaths\":\"o-zzzzzzzzzz/*\"}}", Scope.FOREIGN, List.of("o-zzzzzzzzzz")),
                arguments("our SourceOrgID", "{\"StringEquals\":{\"aws:SourceOrgID\":\"o-abcdefghij\"}}", Scope.ORGANISATION, List.of()),
                arguments("odd org id is not printed", "{\"StringEquals\":{\"aws:SourceOrgID\":\"<script>\"}}", Scope.FOREIGN, List.of("another organisation")),
                arguments("event source token", "{\"StringEquals\":{\"lambda:EventSourceToken\":\"amzn1.ask.skill.1234\"}}", Scope.SPECIFIC, List.of()),
                arguments("URL auth type is no restriction", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}", Scope.ANYONE, List.of()),
                arguments("InvokedViaFunctionUrl is no restriction", "{\"Bool\":{\"lambda:InvokedViaFunctionUrl\":true}}", Scope.ANYONE, List.of()),
                arguments("our org AND foreign account: narrowest wins", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\",\"aws:SourceAccount\":\"" + FOREIGN + "\"}}", Scope.ORGANISATION, List.of()),
                arguments("wildcard AND own: own wins", "{\"StringLike\":{\"aws:SourceArn\":\"*\"},\"StringEquals\":{\"aws:SourceAccount\":\"" + OWN + "\"}}", Scope.OWN_ACCOUNT, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesRestrictingConditions(String name, String condition, Scope scope, List<String> foreign) throws Exception {
        assertThat(Restriction.of(publicInvoke(condition), RestrictingKey.FOR_PUBLIC, KNOWN))
                .isEqualTo(new Restriction(scope, foreign));
    }

    @Test
    void anUnknownOrganisationLeavesOtherAccountsUnjudged() throws Exception {
        assertThat(Restriction.of(publicInvoke("{\"StringEquals\":{\"aws:SourceAccount\":\"" + FOREIGN + "\"}}"),
                RestrictingKey.FOR_PUBLIC, UNKNOWN_ORG).scope()).isEqualTo(Scope.UNKNOWN);
        assertThat(Restriction.of(publicInvoke("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\"}}"),
                RestrictingKey.FOR_PUBLIC, UNKNOWN_ORG).scope()).isEqualTo(Scope.UNKNOWN);
        assertThat(Restriction.of(publicInvoke("{\"StringEquals\":{\"aws:SourceAccount\":\"" + OWN + "\"}}"),
                RestrictingKey.FOR_PUBLIC, UNKNOWN_ORG).scope()).isEqualTo(Scope.OWN_ACCOUNT);
    }

    @Test
    void serviceKeysIgnorePrincipalOrgConditions() throws Exception {
        Statement s = publicInvoke("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\"}}");
        assertThat(Restriction.of(s, RestrictingKey.FOR_SERVICE, KNOWN).scope()).isEqualTo(Scope.ANYONE);
        assertThat(Restriction.of(s, RestrictingKey.FOR_PUBLIC, KNOWN).ours()).isTrue();
    }

    @Test
    void membershipJudgesAccountsAndOrganisations() {
        assertThat(KNOWN.account(OWN)).isEqualTo(Ownership.OWN);
        assertThat(KNOWN.account(SISTER)).isEqualTo(Ownership.OURS);
        assertThat(KNOWN.account(FOREIGN)).isEqualTo(Ownership.FOREIGN);
        assertThat(UNKNOWN_ORG.account(FOREIGN)).isEqualTo(Ownership.UNKNOWN);
        assertThat(UNKNOWN_ORG.account(OWN)).isEqualTo(Ownership.OWN);
        assertThat(KNOWN.organization("o-zzzzzzzzzz")).isEqualTo(Ownership.FOREIGN);
        assertThat(UNKNOWN_ORG.organization("o-abcdefghij")).isEqualTo(Ownership.UNKNOWN);
    }
}
