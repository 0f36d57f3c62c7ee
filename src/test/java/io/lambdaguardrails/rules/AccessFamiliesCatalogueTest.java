package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.lambdaguardrails.rules.fixtures.Fixtures.corsWithCredentials;
import static org.assertj.core.api.Assertions.assertThat;

/** The access, execution-role and organisation rules are registered, in id order, with complete metadata. */
class AccessFamiliesCatalogueTest {

    static final Set<Family> FAMILIES = Set.of(Family.ACCESS, Family.IAM, Family.ORGANIZATION);

    List<RuleMeta> metas() {
        return RuleCatalogue.all().stream().map(Rule::meta).filter(m -> FAMILIES.contains(m.family())).toList();
    }

    @Test
    void registersAllNineteenInIdOrder() {
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 7).forEach(i -> expected.add("LG-ACC-00" + i));
        IntStream.rangeClosed(1, 9).forEach(i -> expected.add("LG-IAM-00" + i));
        IntStream.rangeClosed(1, 3).forEach(i -> expected.add("LG-ORG-00" + i));
        assertThat(metas()).extracting(RuleMeta::id).containsExactlyElementsOf(expected);
    }

    @Test
    void everyRuleCarriesItsMetadata() {
        assertThat(metas()).allSatisfy(m -> {
            assertThat(m.id()).startsWith("LG-" + m.family().prefix() + "-");
            assertThat(m.title()).isNotBlank().doesNotEndWith(".");
            assertThat(m.rationale()).hasSizeGreaterThan(80);
            assertThat(m.remediation()).containsPattern("aws [a-z-]+ [a-z-]+");
            assertThat(m.references()).isNotEmpty().allMatch(r -> r.startsWith("https://docs.aws.amazon.com/"));
            assertThat(RuleCatalogue.byId(m.id().toLowerCase())).isPresent();
        });
    }

    @Test
    void onlyAccessAdvisorIsOffByDefault() {
        assertThat(metas()).filteredOn(m -> !m.enabledByDefault()).extracting(RuleMeta::id).containsExactly("LG-IAM-008");
    }

    /** Everything unreadable at once: IAM not collected, broken documents, null trust policy and dates. */
    static Snapshot hostile(boolean iamCollected) {
        String broken = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": [1]}";
        Snapshot s = Fixtures.org(o -> o.scp("p-bad", broken, "r-root").account("111111111111", a -> a
                .customerManagedPolicy("arn:aws:iam::111111111111:policy/bad", broken)
                .role("fn-role", r -> r.trust(null).created(null).lastUsed(null).boundary(null)
                        .inline("bad", broken).attached("arn:aws:iam::111111111111:policy/bad")
                        .attached("arn:aws:iam::111111111111:policy/not-collected").serviceAccess("s3", null))
                .region(Fixtures.REGION, r -> r.function("fn", f -> f.policy(broken).url("NONE", corsWithCredentials("*"))
                        .layer("arn:aws:lambda:us-east-1:999988887777:layer:x:1").layer("garbage")))));
        if (iamCollected) {
            return s;
        }
        List<AccountInventory> withoutIam = s.accounts().stream().map(a -> new AccountInventory(a.accountId(),
                a.accountName(), a.evaluable(), a.startedAt(), a.finishedAt(), null, a.trails(), a.regions())).toList();
        return new Snapshot(s.schemaVersion(), s.runId(), s.collectedAt(), s.callerAccountId(), s.principal(), s.org(),
                withoutIam, s.coverage());
    }

    @Test
    void noRuleCrashesOnMissingOrMalformedData() {
        Settings everything = RuleSettings.yaml("tags: {required: [owner]}");
        for (boolean iam : List.of(true, false)) {
            Snapshot snapshot = hostile(iam);
            RuleCatalogue.all().stream().filter(r -> FAMILIES.contains(r.meta().family())).forEach(rule ->
                    assertThat(RuleTester.of(rule).run(snapshot, everything)).allSatisfy(v -> assertThat(v.detail()).doesNotContain("Principal\": [1]")));
        }
    }
}
