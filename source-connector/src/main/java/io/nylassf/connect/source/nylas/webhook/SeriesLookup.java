package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.nylas.Event;

import java.util.List;

/** Reads the occurrences of one recurring series within the horizon (for a notification about its master). */
@FunctionalInterface
public interface SeriesLookup {
    List<Event> occurrences(String grantId, String calendarId, String masterId);
}
