package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.sink.nylas.NotAuthorizedException;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * What happens after an action ended: written or skipped (done), a bad record or a refusal (a {@link Rejected}
 * for the DLQ), a transient failure (another run later via {@link RetryBook}, or the DLQ once its attempts are
 * spent), an expired grant (parked in {@link ParkedGrants}, or the DLQ), a refused API key (the task fails).
 * Task thread only.
 */
public final class OutcomeRouter {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRouter.class);

    /**
     * A record for the dead-letter queue, with the reason. {@code sendTaskId}: the Task whose send this ends for
     * good (its send status shows the reason), or null.
     */
    public record Rejected(SinkRecord record, Throwable reason, String sendTaskId) {
        public Rejected(SinkRecord record, Throwable reason) {
            this(record, reason, null);
        }
    }

    /** The Task id when {@code p} is a send. */
    public static String sendTaskId(PendingAction p) {
        return p.action() instanceof io.nylassf.connect.sink.nylas.plan.OutboundAction.Send s ? s.change().id() : null;
    }

    private final RetryBook retries;
    private final ParkedGrants parked;
    private final boolean parkExpiredGrants;
    private final long[] counts = new long[Outcome.Status.values().length];
    private final BiConsumer<PendingAction, Outcome> observer;

    /** {@code observer} sees every outcome first (the task's metrics). */
    public OutcomeRouter(RetryBook retries, ParkedGrants parked, boolean parkExpiredGrants,
                         BiConsumer<PendingAction, Outcome> observer) {
        this.retries = retries;
        this.parked = parked;
        this.parkExpiredGrants = parkExpiredGrants;
        this.observer = observer;
    }

    /** Routes each outcome; DLQ entries are added to {@code rejected}. A refused API key throws. */
    public void route(List<InFlight.Ended> ended, long now, List<Rejected> rejected) {
        for (InFlight.Ended e : ended) {
            route(e.action(), e.outcome(), now, rejected);
        }
    }

    private void route(PendingAction p, Outcome o, long now, List<Rejected> rejected) {
        counts[o.status().ordinal()]++;
        observer.accept(p, o);
        switch (o.status()) {
            case DONE, SKIPPED -> log.debug("{}: {}", p.describe(), o.detail());
            case FAILED -> rejected.add(new Rejected(p.record(), new DataException(p.describe() + ": " + o.detail(),
                    o.error()), sendTaskId(p)));
            case RETRY -> {
                if (retries.schedule(p, o.retryAfter(), now)) {
                    log.info("{}: attempt {} of {} failed, will run again: {}", p.describe(), p.attempts(),
                            retries.maxAttempts(), o.detail());
                } else {
                    rejected.add(new Rejected(p.record(), new ConnectException(p.describe() + ": gave up after "
                            + p.attempts() + " attempts (" + NylasSinkConnectorConfig.RETRY_MAX_ATTEMPTS + "): "
                            + o.detail(), o.error()), sendTaskId(p)));
                }
            }
            case GRANT_EXPIRED -> {
                String grant = o.error() instanceof NylasApiException n ? n.grantId() : null;
                if (!parkExpiredGrants || grant == null) {
                    rejected.add(new Rejected(p.record(), new ConnectException(p.describe() + ": " + o.detail(),
                            o.error()), sendTaskId(p)));
                } else {
                    if (!parked.isParked(grant)) {
                        log.warn("Grant {} is expired or revoked: its actions wait until it is valid again", grant);
                    }
                    parked.park(grant, p, now);
                }
            }
            case NOT_AUTHORIZED -> rejected.add(new Rejected(p.record(), new NotAuthorizedException(o.detail()),
                    sendTaskId(p)));
            case FATAL -> throw new ConnectException(o.detail(), o.error());
        }
    }

    /** Outcomes seen so far, for the stop log. */
    public String summary() {
        return String.format("done=%d skipped=%d retried=%d failed=%d grantExpired=%d", counts[0], counts[1],
                counts[2], counts[3], counts[4]);
    }
}
