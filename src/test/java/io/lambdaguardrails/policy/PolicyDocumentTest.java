package io.lambdaguardrails.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyDocumentTest {

    static Statement only(String json) throws PolicyParseException {
        List<Statement> statements = PolicyDocument.parse(json).statements();
        assertThat(statements).hasSize(1);
        return statements.getFirst();
    }

    static Stream<Arguments> principalForms() {
        return Stream.of(
                arguments("\"*\"", List.of(Principal.PUBLIC)),
                arguments("{\"AWS\": \"*\"}", List.of(Principal.PUBLIC)),
                arguments("\"999988887777\"", List.of(new Principal(Principal.Kind.AWS, "999988887777"))),
                arguments("{\"AWS\": [\"arn:aws:iam::111111111111:root\", \"222222222222\"]}", List.of(
                        new Principal(Principal.Kind.AWS, "arn:aws:iam::111111111111:root"),
                        new Principal(Principal.Kind.AWS, "222222222222"))),
                arguments("{\"Service\": \"s3.amazonaws.com\"}", List.of(new Principal(Principal.Kind.SERVICE, "s3.amazonaws.com"))),
                arguments("{\"Federated\": \"cognito-identity.amazonaws.com\"}",
                        List.of(new Principal(Principal.Kind.FEDERATED, "cognito-identity.amazonaws.com"))),
                arguments("{\"CanonicalUser\": \"79a59df900b949e5\"}",
                        List.of(new Principal(Principal.Kind.CANONICAL_USER, "79a59df900b949e5"))),
                arguments("{\"AWS\": \"*\", \"Service\": \"sns.amazonaws.com\"}", List.of(
                        Principal.PUBLIC, new Principal(Principal.Kind.SERVICE, "sns.amazonaws.com"))));
    }

    @ParameterizedTest(name = "Principal {0}")
    @MethodSource("principalForms")
    void readsEveryPrincipalForm(String principal, List<Principal> expected) throws Exception {
        Statement s = only("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":%s,"Action":"lambda:InvokeFunction"}]}
                """.formatted(principal));
        assertThat(s.principals()).containsExactlyElementsOf(expected);
    }

    @Test
    void regroupsFlattenedConditionValuesPerOperatorAndKey() throws Exception {
        Statement s = only("""
                {"Statement":{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Condition":{
                  "StringEquals":{"AWS:SourceAccount":["111111111111","222222222222"],"aws:PrincipalOrgID":"o-abcdefghij"},
                  "ArnLike":{"AWS:SourceArn":"arn:aws:sns:us-east-1:111111111111:topic"}}}}
                """);
        assertThat(s.conditions()).containsExactly(
                new Condition("StringEquals", "AWS:SourceAccount", List.of("111111111111", "222222222222")),
                new Condition("StringEquals", "aws:PrincipalOrgID", List.of("o-abcdefghij")),
                new Condition("ArnLike", "AWS:SourceArn", List.of("arn:aws:sns:us-east-1:111111111111:topic")));
        assertThat(s.conditionsOn("aws:sourceaccount")).hasSize(1);
    }

    @Test
    void keepsBooleanAndNumberConditionValues() throws Exception {
        Statement s = only("""
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
                  "Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":[1.2]}}}]}
                """);
        assertThat(s.conditions()).containsExactly(
                new Condition("Bool", "aws:SecureTransport", List.of("false")),
                new Condition("NumericLessThan", "s3:TlsVersion", List.of("1.2")));
    }

    @Test
    void readsNotActionNotResourceAndNotPrincipal() throws Exception {
        Statement s = only("""
                {"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:root"},
                  "NotAction":["iam:*","organizations:*"],"NotResource":"arn:aws:s3:::secret/*","Sid":"x1"}]}
                """);
        assertThat(s.sid()).isEqualTo("x1");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.actions()).isEmpty();
        assertThat(s.notActions()).containsExactly("iam:*", "organizations:*");
        assertThat(s.notResources()).containsExactly("arn:aws:s3:::secret/*");
        assertThat(s.grantees()).containsExactly(Principal.PUBLIC);
    }

    @Test
    void aPolicyWithoutStatementsGrantsNothing() throws Exception {
        assertThat(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}").statements()).isEmpty();
    }

    /** Every malformed document carries this marker; no exception message may repeat it. */
    private static final String MARKER = "SECRET-MARKER-xyz";

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("not JSON", "{\"Statement\": [" + MARKER + "]}", "line 1, column"),
                arguments("trailing content", "{\"Statement\": []} \"" + MARKER + "\"", "not valid JSON"),
                arguments("unterminated", "{\"Sid\": \"" + MARKER, "not valid JSON"),
                arguments("root is a list", "[\"" + MARKER + "\"]", "not a JSON object"),
                arguments("statement is a string", "{\"Statement\": \"" + MARKER + "\"}", "Statement"),
                arguments("effect missing", "{\"Statement\": [{\"Sid\": \"" + MARKER + "\", \"Action\": \"*\"}]}", "statement 1: Effect"),
                arguments("effect unknown", "{\"Statement\": [{\"Effect\": \"" + MARKER + "\"}]}", "Effect"),
                arguments("principal a number", "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": 5, \"Sid\": \"" + MARKER + "\"}]}", "Principal"),
                arguments("principal value an object", "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": {\"x\": \"" + MARKER + "\"}}}]}", "Principal"),
                arguments("action a number", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"" + MARKER + "\", 3]}]}", "Action"),
                arguments("condition value null", "{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"" + MARKER + "\": null}}}]}", "Condition"),
                arguments("condition values empty", "{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"StringEquals\": {\"" + MARKER + "\": []}}}]}", "empty list"),
                arguments("condition operator not an object", "{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"StringEquals\": \"" + MARKER + "\"}}]}", "Condition"),
                arguments("second statement broken", "{\"Statement\": [{\"Effect\": \"Allow\"}, {\"Effect\": \"Allow\", \"Resource\": {\"" + MARKER + "\": 1}}]}", "statement 2: Resource"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedPoliciesWithoutQuotingThem(String name, String json, String messagePart) {
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining(messagePart)
                .message().doesNotContain(MARKER);
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> PolicyDocument.parse(null)).isInstanceOf(PolicyParseException.class);
        assertThatThrownBy(() -> PolicyDocument.parse("  ")).isInstanceOf(PolicyParseException.class);
    }

    @Test
    void tryParseIsEmptyForWhatParseRejects() {
        assertThat(PolicyDocument.tryParse(null)).isEmpty();
        assertThat(PolicyDocument.tryParse("not json")).isEmpty();
        assertThat(PolicyDocument.tryParse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}"))
                .hasValueSatisfying(d -> assertThat(d.statements()).hasSize(1));
    }
}
