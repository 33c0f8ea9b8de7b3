package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.connect.source.nylas.read.ContactScanReader;
import io.nylassf.connect.source.nylas.offset.ReconcileOffset;
import io.nylassf.connect.source.nylas.read.ReadPace;
import io.nylassf.connect.source.nylas.read.ReconcileReader;
import io.nylassf.connect.source.nylas.read.StreamReader;
import io.nylassf.connect.source.nylas.read.WindowReader;
import io.nylassf.connect.source.nylas.read.SeriesOccurrences;
import io.nylassf.connect.source.nylas.read.WindowSource;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams one task reads: a stream per grant and object (per calendar for events), each with its reader, resumed
 * from the offset Connect stored for it. Contacts are always scanned whole (their offsets hold no position). With
 * reconciliation on, each grant also gets a {@link ReconcileReader}, resumed from its last run.
 */
final class TaskStreams {
    private static final Logger log = LoggerFactory.getLogger(TaskStreams.class);

    private final NylasSourceTaskConfig config;
    private final NylasClient client;
    private final RecordFactory records;
    private final Clock clock;
    private final ReconcileReader.Listener reconcileListener;

    private final MailPolicy mail;

    TaskStreams(NylasSourceTaskConfig config, NylasClient client, RecordFactory records, Clock clock) {
        this(config, client, records, clock, null, MailPolicy.NONE);
    }

    /**
     * @param reconcileListener what hears of finished reconciliations; null: no reconciliation readers
     * @param mail              which messages stay out of Kafka, and whether headers are read
     */
    TaskStreams(NylasSourceTaskConfig config, NylasClient client, RecordFactory records, Clock clock,
                ReconcileReader.Listener reconcileListener, MailPolicy mail) {
        this.reconcileListener = reconcileListener;
        this.config = config;
        this.client = client;
        this.records = records;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * One reader per stream of the task's grants, each resuming from its stored offset; windows wait as
     * {@code windows} says once caught up, contact scans as {@code contacts}.
     */
    List<StreamReader> readers(OffsetStorageReader storage, ReadPace windows, ReadPace contacts) {
        List<StreamPartition> partitions = new ArrayList<>();
        List<ObjectStream> streams = config.objects().stream().map(ObjectStream::fromConfig).toList();
        for (String grant : config.taskGrants()) {
            for (ObjectStream s : streams) {
                switch (s) {
                    case MESSAGES -> partitions.add(StreamPartition.messages(grant));
                    case EVENTS -> config.calendarIds().forEach(c -> partitions.add(StreamPartition.events(grant, c)));
                    case CONTACTS -> partitions.add(StreamPartition.contacts(grant));
                }
            }
        }
        Map<StreamPartition, SourceOffset> offsets = loadOffsets(storage, partitions);
        long initialStart = config.backfillStartSeconds(clock);
        WindowReader.Settings settings = new WindowReader.Settings(config.pageSize(), config.windowLagMs(),
                config.windowMaxSeconds(), config.windowMaxRecords(), config.pollIntervalMs());
        List<StreamReader> readers = new ArrayList<>();
        for (StreamPartition p : partitions) {
            SourceOffset resume = offsets.get(p);
            switch (p.stream()) {
                case MESSAGES -> readers.add(new WindowReader(p, WindowSource.messages(client, p.grantId(), mail), records,
                        settings, windows, resume, initialStart));
                case EVENTS -> readers.add(new WindowReader(p, WindowSource.events(client, p.grantId(),
                        p.calendarId(), new SeriesOccurrences(client, p.grantId(), p.calendarId(),
                                config.recurringHorizonDays(), config.pageSize(), clock),
                        EventRangeConfig.range(config, clock)), records, settings, windows,
                        resume, initialStart));
                case CONTACTS -> readers.add(new ContactScanReader(p, client, records, config.pageSize(), contacts));
            }
            if (resume != null) {
                log.info("{}: resuming after watermark {} / '{}'", p, resume.watermark(), resume.lastId());
            }
        }
        readers.addAll(reconcilers(storage));
        return readers;
    }

    /** One {@link ReconcileReader} per grant when reconciliation is on, resumed from its last run. */
    private List<StreamReader> reconcilers(OffsetStorageReader storage) {
        ReconcileConfig.Settings s = ReconcileConfig.settings(config);
        if (!s.enabled() || reconcileListener == null) {
            return List.of();
        }
        List<String> grants = config.taskGrants();
        Map<Map<String, String>, Map<String, Object>> stored =
                storage.offsets(grants.stream().map(ReconcileOffset::partition).toList());
        List<ObjectStream> streams = config.objects().stream().map(ObjectStream::fromConfig).toList();
        long started = clock.millis();
        List<StreamReader> out = new ArrayList<>();
        for (String grant : grants) {
            ReconcileOffset last = null;
            try {
                last = ReconcileOffset.fromMap(stored == null ? null : stored.get(ReconcileOffset.partition(grant)));
            } catch (IllegalArgumentException e) {
                log.warn("{}: ignoring an unreadable reconciliation offset ({})", grant, e.getMessage());
            }
            out.add(new ReconcileReader(grant, streams, config.calendarIds(), client, records, config.pageSize(),
                    s.intervalMs(), s.lookbackDays(), config.windowLagMs(), last, started, reconcileListener, mail,
                    EventRangeConfig.range(config, clock)));
        }
        return out;
    }

    private static Map<StreamPartition, SourceOffset> loadOffsets(OffsetStorageReader storage,
                                                                List<StreamPartition> partitions) {
        List<Map<String, String>> maps = partitions.stream().map(StreamPartition::toMap).toList();
        Map<Map<String, String>, Map<String, Object>> stored = storage.offsets(maps);
        Map<StreamPartition, SourceOffset> out = new HashMap<>();
        for (StreamPartition p : partitions) {
            Map<String, Object> offset = stored == null ? null : stored.get(p.toMap());
            if (offset == null || p.stream() == ObjectStream.CONTACTS) {
                continue;
            }
            try {
                out.put(p, SourceOffset.fromMap(offset));
            } catch (IllegalArgumentException e) {
                log.warn("{}: ignoring an unreadable stored offset ({}); starting from the backfill", p, e.getMessage());
            }
        }
        return out;
    }
}
