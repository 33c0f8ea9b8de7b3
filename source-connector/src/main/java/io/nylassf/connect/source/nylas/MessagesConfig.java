package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mail.MailPolicy;
import io.nylassf.connect.source.nylas.mail.MessageFolders;
import io.nylassf.connect.source.nylas.mail.SkipFolders;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.time.Clock;
import java.time.Duration;

/**
 * The Nylas source's "Messages" group: headers, and the folders whose mail is not synced. A config fragment:
 * {@link #addTo} defines the settings, {@link #policy} reads them.
 */
public final class MessagesConfig {
    public static final String GROUP = "Messages";
    public static final String INCLUDE_HEADERS = "messages.include.headers";
    public static final String SKIP_FOLDERS = "messages.skip.folders";
    public static final String FOLDERS_REFRESH_MS = "messages.folders.refresh.ms";

    private MessagesConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(INCLUDE_HEADERS, Type.BOOLEAN, true, null, Importance.MEDIUM)
                .define(SKIP_FOLDERS, Type.LIST, "spam,trash,drafts", null, Importance.MEDIUM)
                .define(FOLDERS_REFRESH_MS, Type.LONG, 3_600_000L, Range.between(60_000L, 604_800_000L),
                        Importance.LOW);
    }

    public static MailPolicy policy(AbstractConfig c, NylasClient client, Clock clock) {
        SkipFolders skip = new SkipFolders(c.getList(SKIP_FOLDERS));
        return new MailPolicy(c.getBoolean(INCLUDE_HEADERS), skip.isEmpty() ? null
                : new MessageFolders(client, skip, clock, Duration.ofMillis(c.getLong(FOLDERS_REFRESH_MS))));
    }
}
