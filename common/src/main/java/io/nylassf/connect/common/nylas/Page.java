package io.nylassf.connect.common.nylas;

import java.util.List;

/**
 * One page of a Nylas list call. {@code nextCursor} is passed back as {@code page_token}; null on the last page.
 *
 * @param <T> the object type
 */
public record Page<T>(List<T> data, String nextCursor, String requestId) {
    public Page {
        data = List.copyOf(data);
    }

    public boolean isLast() {
        return nextCursor == null || nextCursor.isEmpty();
    }
}
