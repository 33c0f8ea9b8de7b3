package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.source.nylas.ReconcileConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The Salesforce source's "Reconciliation" group: how often the last days of Tasks and Events are read again and
 * re-emitted (observed_via {@code reconcile}) so the Nylas sink sends or rewrites what never reached Nylas. The
 * Nylas source's names and {@link ReconcileConfig.Settings}; the docs differ, so they are given here. A config
 * fragment.
 */
public final class SalesforceReconcileConfig {
    public static final String GROUP = ReconcileConfig.GROUP;
    public static final String INTERVAL_MS = ReconcileConfig.INTERVAL_MS;
    public static final String LOOKBACK_DAYS = ReconcileConfig.LOOKBACK_DAYS;

    private SalesforceReconcileConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(INTERVAL_MS, Type.LONG, 86_400_000L, Range.between(-1L, 31_536_000_000L), Importance.MEDIUM,
                        "How often the Tasks and Events whose SystemModstamp falls in the last "
                                + "reconcile.lookback.days are read again and re-emitted with observed_via=reconcile, "
                                + "so the Nylas sink sends a Task that never left (once: the sent ledger and the "
                                + "metadata pre-check still hold) and rewrites an Event missing from the calendar, "
                                + "counting each in drift-repaired-total. Daily by default. The pages ride in the "
                                + "Composite call a poll makes anyway (one free query subrequest each), never under "
                                + "the API reserve; the last run is kept in the source offsets, so a restart neither "
                                + "repeats nor skips it. 0 or -1 turns reconciliation off.",
                        Width.SHORT, "Reconciliation interval (ms)")
                .define(LOOKBACK_DAYS, Type.INT, 7, Range.between(0, 365), Importance.MEDIUM,
                        "How many days back each reconciliation reads Tasks and Events (by SystemModstamp). "
                                + "0 turns reconciliation off.", Width.SHORT, "Reconciliation look-back (days)");
    }

    public static ReconcileConfig.Settings settings(AbstractConfig c) {
        return ReconcileConfig.settings(c);
    }
}
