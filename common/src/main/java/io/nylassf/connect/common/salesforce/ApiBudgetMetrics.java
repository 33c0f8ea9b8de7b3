package io.nylassf.connect.common.salesforce;

import io.nylassf.connect.common.metrics.PluginMetricSet;
import java.util.function.Supplier;

/**
 * The Salesforce API budget as metrics, the same for the sink and the source: the calls the task made (in all and by
 * kind), the org's daily allocation and use as {@code Sforce-Limit-Info} last reported them, the reserve the task
 * leaves to everyone else, and whether it is holding back now. Values are -1 until a response has reported the
 * allocation.
 */
public final class ApiBudgetMetrics {
    private ApiBudgetMetrics() {
    }

    public static void publish(PluginMetricSet set, SalesforceClient client, ApiBudget budget) {
        int reservePercent = budget.reserve().percent();
        Supplier<Integer> paused = () -> budget.paused() ? 1 : 0;
        ApiLimitTracker limits = client.limits();
        client.calls().publish(set, "Salesforce");
        set.gauge("api-budget-max", "The org's daily API call allocation", () -> limits.max().orElse(-1));
        set.gauge("api-budget-used", "Daily API calls the org has used (all clients, not only this task)",
                () -> limits.used().orElse(-1));
        set.gauge("api-budget-remaining", "Daily API calls the org has left", () -> limits.remaining().orElse(-1));
        set.gauge("api-budget-reserve", "Daily API calls this task never uses (" + reservePercent
                + "% of the allocation), left to the org's other clients",
                () -> limits.max().isPresent() ? limits.max().getAsLong() * reservePercent / 100 : -1);
        set.gauge("api-budget-paused", "1 while the task holds its calls back to keep the reserve", paused);
        set.gauge("api-calls-total", "Salesforce API calls this task made (a Composite request counts once)",
                limits::callsMade);
    }
}
