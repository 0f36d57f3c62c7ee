package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.text.DisplayText;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.Locale;

/**
 * One log line per finished account: where a long scan stands, readable in CloudWatch and kubectl logs. The account,
 * its outcome, duration and function count also go into the line's context, which JSON logs carry as fields.
 */
public final class LoggingScanListener implements ScanListener {

    private static final Logger LOG = Logger.getLogger("io.lambdaguardrails.scan");

    /** The context fields that hold numbers; the others hold text (an account id keeps its leading zeros). */
    public static final java.util.Set<String> NUMBER_FIELDS = java.util.Set.of("durationMs", "functions");

    @Override
    public void accountFinished(AccountInventory account, AccountOutcome outcome, int done, int total) {
        int functions = account.regions().stream().mapToInt(r -> r.functions().size()).sum();
        long millis = Duration.between(account.startedAt(), account.finishedAt()).toMillis();
        String status = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        MDC.put("accountId", account.accountId());
        MDC.put("status", outcome.name());
        MDC.put("durationMs", millis);
        MDC.put("functions", functions);
        try {
            LOG.infof("[%d/%d] account %s (%s): %s, %d function(s) in %d region(s), %d ms", done, total,
                    account.accountId(), DisplayText.escape(account.accountName()), status, functions, account.regions().size(), millis);
        } finally {
            MDC.remove("accountId");
            MDC.remove("status");
            MDC.remove("durationMs");
            MDC.remove("functions");
        }
    }
}
