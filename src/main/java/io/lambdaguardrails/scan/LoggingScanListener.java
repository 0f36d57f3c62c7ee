package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.text.DisplayText;
import org.jboss.logging.Logger;

import java.time.Duration;

/** One log line per finished account: where a long scan stands, readable in CloudWatch and kubectl logs. */
public final class LoggingScanListener implements ScanListener {

    private static final Logger LOG = Logger.getLogger("io.lambdaguardrails.scan");

    @Override
    public void accountFinished(AccountInventory account, int done, int total) {
        int functions = account.regions().stream().mapToInt(r -> r.functions().size()).sum();
        LOG.infof("[%d/%d] account %s (%s): %s, %d function(s) in %d region(s), %d ms", done, total,
                account.accountId(), DisplayText.escape(account.accountName()), account.evaluable() ? "scanned" : "NOT ENTERED",
                functions, account.regions().size(),
                Duration.between(account.startedAt(), account.finishedAt()).toMillis());
    }
}
