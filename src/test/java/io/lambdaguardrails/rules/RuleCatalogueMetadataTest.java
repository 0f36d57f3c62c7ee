package io.lambdaguardrails.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueMetadataTest {

    static Stream<Rule> rules() {
        return RuleCatalogue.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleCarriesCompleteMetadata(Rule rule) {
        RuleMeta meta = rule.meta();
        assertThat(meta.id()).matches("LG-[A-Z]{3}-\\d{3}");
        assertThat(meta.id()).startsWith("LG-" + meta.family().prefix() + "-");
        assertThat(meta.title()).isNotBlank().doesNotEndWith(".");
        assertThat(meta.rationale()).hasSizeGreaterThan(80);
        assertThat(meta.remediation()).containsAnyOf("aws ", "IaC");
        assertThat(meta.references()).isNotEmpty().allMatch(url -> url.startsWith("https://docs.aws.amazon.com/"));
    }

    @Test
    void idsAreUnique() {
        assertThat(RuleCatalogue.all()).extracting(r -> r.meta().id()).doesNotHaveDuplicates();
    }

    @Test
    void findsRulesByIdInAnyCase() {
        assertThat(RuleCatalogue.byId("lg-net-003")).map(r -> r.meta().title())
                .contains("VPC-attached function uses a public subnet");
    }

    @Test
    void holdsTheNetworkRuntimeSigningAuditAndOperationsFamilies() {
        assertThat(RuleCatalogue.all()).extracting(r -> r.meta().id()).contains(
                "LG-NET-001", "LG-NET-008", "LG-RUN-001", "LG-RUN-004", "LG-SIG-001", "LG-SIG-003",
                "LG-AUD-001", "LG-AUD-007", "LG-OPS-001", "LG-OPS-004");
    }
}
