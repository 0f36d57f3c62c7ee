package io.lambdaguardrails.inventory.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SecretDetectorTest {

    // Test values are assembled from parts so that no complete vendor token is written in the source.
    private static final String AKIA_ID = "AKIA" + "Q3EGRK7YX2JN4WMB";
    private static final String ASIA_ID = "ASIA" + "Z7PQ2MXN5VRT8KLD";
    private static final String AWS_SECRET = "k7Rz/Q2mX9pLw4Nb8Vt" + "+Yc3Hd6Jf1Gs5Ae0Ui2Oq";
    private static final String GITHUB_PAT = "ghp_" + "R8mK2pQ7vL4nW9sT3bY6cF1hJ5dG0aZ8eX4u";
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private static final String NOT_A_JWT = "eyJmb28iOiJiYXIifQ" + ".eyJ4IjoxfQ.c2lnbmF0dXJl";

    private final SecretDetector detector = new SecretDetector();

    static Stream<Arguments> environmentVariables() {
        return Stream.of(
                // secrets, by format
                arguments("access key id", "AWS_ACCESS_KEY_ID", AKIA_ID, "aws-access-key-id"),
                arguments("temporary access key id under a neutral name", "UPSTREAM", ASIA_ID, "aws-access-key-id"),
                arguments("secret key under a secret-like name", "AWS_SECRET_ACCESS_KEY", AWS_SECRET, "aws-secret-access-key"),
                arguments("GitHub classic token", "GH", GITHUB_PAT, "github-token"),
                arguments("GitHub OAuth token", "CONFIG", "gho_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "github-token"),
                arguments("GitHub app token", "CONFIG", "ghs_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2", "github-token"),
                arguments("GitHub fine-grained token", "CONFIG", "github_pat_" + "11ABCDEFG0" + "a1B2c3D4e5".repeat(6), "github-token"),
                arguments("GitLab token", "CI", "glpat-" + "Ab3De6Gh9Jk2Mn5Pq8St", "gitlab-token"),
                arguments("Slack bot token", "SLACK", "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOp", "slack-token"),
                arguments("Slack user token", "SLACK", "xoxp-" + "1234567890-0987654321-1122334455-abcdef0123", "slack-token"),
                arguments("Slack webhook under a URL name", "ALERT_WEBHOOK_URL",
                        "https://hooks.slack.com/services/" + "T0123ABCD/B0456EFGH/" + "aBcDeFgHiJkLmNoPqRsTuVwX", "slack-webhook"),
                arguments("Stripe live secret key", "PAYMENTS", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "stripe-key"),
                arguments("Stripe restricted key", "PAYMENTS", "rk_live_" + "51H8sK2eZvKYlo2C0aBcDeFg", "stripe-key"),
                arguments("RSA private key", "CERT", "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow...", "private-key"),
                arguments("OpenSSH private key", "DEPLOY", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn...", "private-key"),
                arguments("PKCS8 private key", "SIGNER", "-----BEGIN PRIVATE KEY-----", "private-key"),
                arguments("JWT", "CONFIG", JWT, "jwt"),
                arguments("database URL with password", "DATABASE_URL", "postgres://app:Kq7mZp2x@db.internal:5432/app", "url-password"),
                arguments("SRV URL with password", "MONGO", "mongodb+srv://svc:hunter2@cluster0.example.net/db", "url-password"),
                arguments("basic auth URL", "UPSTREAM", "https://admin:pass@api.example.com/v1", "url-password"),
                // the shapes a detector reading only user:password URLs and old key formats missed
                arguments("Redis URL with an empty user", "REDIS_URL", "redis://:" + "F4keRedisAuth@cache:6379", "url-password"),
                arguments("JDBC URL with ?password=", "JDBC_URL", "jdbc:mysql://db:3306/app?user=app&" + "password=Fake-Jdbc-1",
                        "connection-string-password"),
                arguments("JDBC URL with ;password=", "JDBC_URL", "jdbc:sqlserver://db:1433;user=sa;" + "password=Fake!Sql2",
                        "connection-string-password"),
                arguments("ADO.NET connection string with spaces", "ConnectionStrings__Default",
                        "Server=tcp:db,1433;Initial Catalog=app;User ID=admin;" + "Password=Fake Pass With Spaces 3;",
                        "connection-string-password"),
                arguments("OpenAI project key", "OPENAI_API_KEY", "sk-proj-" + "FAKE_test-KEY_not-REAL".repeat(3), "openai-key"),
                arguments("JSON configuration with a password member", "APP_CONFIG",
                        "{\"username\": \"app\", \"password\": \"Fake-Json-4\"}", "json-secret-member"),
                arguments("Basic credentials", "AUTH_HEADER", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("fakeuser:FakeBasic5".getBytes()), "basic-credentials"),
                // secrets, by name and randomness
                arguments("password", "DB_PASSWORD", "q8F!x2Lm#9Zr", "high-entropy"),
                arguments("camelCase client secret", "clientSecret", "Zr4Tq9WmX2pLk7Vb", "high-entropy"),
                arguments("api key", "api-key", "c0ffee4d2b9a8e7f6d5c", "high-entropy"),
                arguments("credentials", "SERVICE_CREDENTIALS", "u:Pw9!kLm2#xQ", "high-entropy"),
                arguments("40-char key without AWS context", "SIGNING_TOKEN", "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kL9n", "aws-secret-access-key"),
                // look-alikes
                arguments("AWS documentation access key", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", null),
                arguments("AWS documentation secret key", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null),
                arguments("40-char base64 under a neutral name", "PAYLOAD", AWS_SECRET, null),
                arguments("git commit hash", "GIT_SHA", "3f786850e387550fdab836ed7e6dc881de23001b", null),
                arguments("Secrets Manager ARN under a secret-like name", "DB_SECRET",
                        "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf", null),
                arguments("secret ARN variable", "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-AbCdEf", null),
                arguments("KMS key ARN", "TOKEN_KEY", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", null),
                arguments("SSM parameter path", "DB_PASSWORD", "/prod/payments/db/password", null),
                arguments("SSM parameter name variable", "API_KEY_PARAM", "prod.payments.api-key.v2", null),
                arguments("dynamic reference to Secrets Manager", "DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}", null),
                arguments("dynamic reference to SSM", "API_TOKEN", "{{resolve:ssm-secure:/prod/api/token:3}}", null),
                arguments("KMS ciphertext of an encrypted variable", "DB_PASSWORD",
                        "AQICAHhX2jB9v8kLq3Zp7Wm5Rt1Yc6Nd4Hf0Gs2Ae8Ui3OqF+AbCdEfGhIjKlMnOpQrStUvWxYz0123456789==", null),
                arguments("UUID", "API_TOKEN", "6fa459ea-ee8a-3ca4-894e-db77e160355e", null),
                arguments("hostname", "TOKEN_SERVICE", "auth.internal.example.com:8443", null),
                arguments("URL without password", "AUTH_TOKEN", "https://auth.example.com/oauth2/token", null),
                arguments("URL with a user but no password", "DATABASE_URL", "postgres://app@db.internal:5432/app", null),
                arguments("URL with a template password", "DATABASE_URL", "postgres://app:${DB_PASSWORD}@db/app", null),
                arguments("URL with a masked password", "DATABASE_URL", "postgres://app:****@db/app", null),
                arguments("Secrets Manager name of an RDS-managed secret", "DB_SECRET",
                        "rds!db-6fa459ea-ee8a-3ca4-894e-db77e160355e", null),
                arguments("placeholder", "DB_PASSWORD", "${DB_PASSWORD}", null),
                arguments("JDBC URL with a template password", "JDBC_URL", "jdbc:mysql://db/app?password=${DB_PASSWORD}", null),
                arguments("secret name in words", "DB_CREDENTIALS", "prod-payments-db-credentials", null),
                arguments("boolean under a secret-like name", "SECRET_ROTATION", "true", null),
                arguments("number under a secret-like name", "TOKEN_LIFETIME_SECONDS", "1234567890", null),
                arguments("setting about a token", "TOKEN_TTL", "3600", null),
                arguments("subnet ids under private", "PRIVATE_SUBNETS", "subnet-0abc1234def567890,subnet-0fed9876cba543210", null),
                arguments("short password", "PASSWORD", "hunter2", null),
                arguments("random value under a neutral name", "REQUEST_ID", "q8F!x2Lm#9Zr", null),
                arguments("JSON-looking token without alg", "CONFIG", NOT_A_JWT, null),
                arguments("Stripe test key under a neutral name", "STRIPE_MODE", "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc", null),
                arguments("empty value", "DB_PASSWORD", "", null),
                arguments("sentence under a secret-like name", "TOKEN_HELP", "ask the platform team for access", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentVariables")
    void classifiesEnvironmentVariables(String caseName, String name, String value, String expected) {
        assertThat(detector.inEnvironmentVariable(name, value)).as(caseName).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    static Stream<Arguments> freeText() {
        return Stream.of(
                arguments("token in a description", "deploy with " + GITHUB_PAT + " if CI is down", "github-token"),
                arguments("access key id in a tag", "key=" + AKIA_ID, "aws-access-key-id"),
                arguments("DSN in a description", "reads from mysql://report:Zq9wLm2x@reporting.db:3306/r", "url-password"),
                arguments("JWT in a tag", JWT, "jwt"),
                arguments("private key in a description", "-----BEGIN EC PRIVATE KEY-----", "private-key"),
                arguments("random tag value: names are not judged", "q8F!x2Lm#9Zr", null),
                arguments("40-char base64 alone", AWS_SECRET, null),
                arguments("ordinary description", "Resizes images uploaded to s3://media-bucket/in (owner: team-media)", null),
                arguments("ARN in a description", "reads arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf", null),
                arguments("URL in a tag", "https://wiki.example.com/team/payments", null),
                arguments("documentation access key", "e.g. AKIAIOSFODNN7EXAMPLE", null),
                arguments("blank", "  ", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("freeText")
    void classifiesFreeTextByFormatOnly(String caseName, String text, String expected) {
        assertThat(detector.inFreeText(text)).as(caseName).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void recognisesASecretKeyBesideAnAccessKeyIdInTheSameEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REGION", "eu-west-1");
        env.put("KEY", AKIA_ID);
        env.put("VALUE", AWS_SECRET);
        env.put("STAGE", "prod");

        assertThat(detector.inEnvironment(env))
                .containsExactly(Map.entry("KEY", "aws-access-key-id"), Map.entry("VALUE", "aws-secret-access-key"));
    }

    @Test
    void doesNotTreatA40CharValueAsAKeyWithoutAnAccessKeyIdNearby() {
        assertThat(detector.inEnvironment(Map.of("REGION", "eu-west-1", "VALUE", AWS_SECRET))).isEmpty();
    }

    @Test
    void judgesNamesByTheirWordsAndIgnoresReferences() {
        assertThat(SecretDetector.secretLikeName("DB_PASSWORD")).isTrue();
        assertThat(SecretDetector.secretLikeName("stripeApiKey")).isTrue();
        assertThat(SecretDetector.secretLikeName("db_password_secret_arn")).isFalse();
        assertThat(SecretDetector.secretLikeName("TABLE_NAME")).isFalse();
    }

    @Test
    void listsEveryDetectorId() {
        assertThat(SecretDetector.DETECTORS).contains("aws-access-key-id", "jwt", "url-password",
                "aws-secret-access-key", "high-entropy").doesNotHaveDuplicates();
    }

    @Test
    void raisesTheEntropyBarWhenConfigured() {
        var strict = new SecretDetector(4.5, 10);
        assertThat(strict.inEnvironmentVariable("DB_PASSWORD", "q8F!x2Lm#9Zr")).isEmpty();
    }
}
