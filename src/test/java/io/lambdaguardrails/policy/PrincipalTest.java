package io.lambdaguardrails.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "AWS, 999988887777, 999988887777",
            "AWS, arn:aws:iam::999988887777:root, 999988887777",
            "AWS, arn:aws:iam::999988887777:role/path/to/role, 999988887777",
            "AWS, arn:aws:iam::999988887777:user/alice, 999988887777",
            "AWS, arn:aws:sts::999988887777:assumed-role/r/session, 999988887777",
            "AWS, arn:aws-us-gov:iam::999988887777:root, 999988887777",
            "AWS, AROAEXAMPLEUNIQUEID, ''",
            "AWS, 12345, ''",
            "Federated, arn:aws:iam::999988887777:oidc-provider/token.actions.githubusercontent.com, 999988887777",
            "Federated, accounts.google.com, ''",
            "Service, lambda.amazonaws.com, ''",
            "*, *, ''",
    })
    void extractsTheAccount(String type, String id, String account) {
        Principal p = Principal.of(type, id);
        assertThat(p.accountId().orElse("")).isEqualTo(account);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "*, *, PUBLIC",
            "AWS, *, PUBLIC",
            "aws, 999988887777, AWS",
            "Service, *, SERVICE",
            "Federated, cognito-identity.amazonaws.com, FEDERATED",
            "CanonicalUser, abc, CANONICAL_USER",
    })
    void classifies(String type, String id, Principal.Kind kind) {
        assertThat(Principal.of(type, id).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "Service, s3.amazonaws.com, s3",
            "Service, logs.eu-west-1.amazonaws.com, logs",
            "Service, Events.AmazonAWS.com, events",
            "AWS, 999988887777, ''",
            "*, *, ''",
    })
    void namesTheServiceOfAServicePrincipal(String type, String id, String service) {
        assertThat(Principal.of(type, id).service().orElse("")).isEqualTo(service);
    }
}
