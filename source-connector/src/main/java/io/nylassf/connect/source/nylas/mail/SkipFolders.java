package io.nylassf.connect.source.nylas.mail;

import io.nylassf.connect.common.nylas.Folder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which folders' mail is not synced (pure), from {@code messages.skip.folders}: each entry is a purpose
 * ({@code spam}/{@code junk}, {@code trash}, {@code drafts}), matched by the folder's Nylas attribute
 * ({@code \Junk}, {@code \Trash}, {@code \Drafts}) or Google's system label id ({@code SPAM}, {@code TRASH},
 * {@code DRAFT}), or else a folder id or name, compared without regard to case.
 */
public final class SkipFolders {
    /** Purpose → the attribute Nylas gives such a folder and Google's id for its label. */
    private static final Map<String, String[]> PURPOSES = Map.of(
            "spam", new String[] {"\\junk", "spam"}, "junk", new String[] {"\\junk", "spam"},
            "trash", new String[] {"\\trash", "trash"},
            "drafts", new String[] {"\\drafts", "draft"}, "draft", new String[] {"\\drafts", "draft"});

    private final Set<String> attributes = new LinkedHashSet<>();
    private final Set<String> idsOrNames = new LinkedHashSet<>();

    public SkipFolders(List<String> entries) {
        for (String e : entries) {
            String v = e.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            String[] purpose = PURPOSES.get(v);
            if (purpose != null) {
                attributes.add(purpose[0]);
                idsOrNames.add(purpose[1]);
            } else {
                idsOrNames.add(v);
            }
        }
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && idsOrNames.isEmpty();
    }

    /** Whether the folder id alone says so (Google's system labels, or an id configured as such). */
    public boolean matchesId(String folderId) {
        return folderId != null && idsOrNames.contains(folderId.toLowerCase(Locale.ROOT));
    }

    /** Whether the folder, as the folders list describes it, is one whose mail is skipped. */
    public boolean matches(Folder f) {
        if (matchesId(f.id()) || (f.name() != null && idsOrNames.contains(f.name().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return f.attributes().stream().anyMatch(a -> attributes.contains(a.toLowerCase(Locale.ROOT)));
    }
}
