package io.lambdaguardrails.policy;

import io.lambdaguardrails.policy.RequestContext.Lookup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTest {

    private static final Lookup ABSENT = new Lookup.Absent();

    @Test
    void anOpenContextKnowsOnlyWhatItIsTold() {
        RequestContext context = RequestContext.open().with("aws:SourceAccount", "111122223333").without("aws:SourceArn");

        assertThat(context.lookup("AWS:SOURCEACCOUNT")).isEqualTo(new Lookup.Present(List.of("111122223333")));
        assertThat(context.lookup("aws:sourcearn")).isEqualTo(ABSENT);
        assertThat(context.lookup("aws:SourceIp")).isEqualTo(new Lookup.Unknown("aws:SourceIp"));
        assertThat(context.value("Aws:SourceAccount")).contains("111122223333");
        assertThat(context.value("aws:SourceArn")).isEmpty();
    }

    @Test
    void aCompleteContextTakesWhatItIsNotGivenAsAbsent() {
        RequestContext context = RequestContext.complete(Map.of("aws:PrincipalTag/Team", List.of("payments", "data")));

        assertThat(context.lookup("aws:principaltag/team")).isEqualTo(new Lookup.Present(List.of("payments", "data")));
        assertThat(context.value("aws:PrincipalTag/TEAM")).contains("payments");
        assertThat(context.lookup("aws:SourceIp")).isEqualTo(ABSENT);
    }

    @Test
    void theLastWithOrWithoutOfAKeyWinsWhateverItsCase() {
        RequestContext base = RequestContext.open().without("aws:PrincipalOrgID");
        RequestContext told = base.with("AWS:PrincipalOrgId", "o-abc");

        assertThat(told.lookup("aws:PrincipalOrgID")).isEqualTo(new Lookup.Present(List.of("o-abc")));
        assertThat(told.without("aws:principalorgid").lookup("aws:PrincipalOrgID")).isEqualTo(ABSENT);
        assertThat(told.with("aws:PrincipalOrgID").lookup("aws:PrincipalOrgID")).as("no values: absent").isEqualTo(ABSENT);
        assertThat(base.lookup("aws:PrincipalOrgID")).as("the context it was made from is unchanged").isEqualTo(ABSENT);
        assertThat(RequestContext.open().lookup("aws:PrincipalOrgID")).isEqualTo(new Lookup.Unknown("aws:PrincipalOrgID"));
    }

    @Test
    void contextsThatKnowTheSameAreEqual() {
        assertThat(RequestContext.open().with("aws:SourceAccount", "1").without("aws:SourceArn"))
                .isEqualTo(RequestContext.open().without("AWS:SOURCEARN").with("AWS:SourceAccount", "1"))
                .hasSameHashCodeAs(RequestContext.open().without("AWS:SOURCEARN").with("AWS:SourceAccount", "1"))
                .isNotEqualTo(RequestContext.complete(Map.of("aws:SourceAccount", List.of("1"))));
    }
}
