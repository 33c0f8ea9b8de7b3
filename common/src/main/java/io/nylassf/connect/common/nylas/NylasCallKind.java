package io.nylassf.connect.common.nylas;

import okhttp3.Request;

/**
 * The kinds of Nylas call: reads and writes of each resource a grant has, sends apart (they count against the
 * provider's sending limits), and the application-level resources.
 */
public enum NylasCallKind {
    MESSAGES_READ, SEND, EVENTS_READ, EVENTS_WRITE, CONTACTS_READ, CONTACTS_WRITE, GRANTS, WEBHOOKS, OTHER,
    FOLDERS_READ;

    public static NylasCallKind of(Request request) {
        return of(request.method(), request.url().encodedPath());
    }

    static NylasCallKind of(String method, String path) {
        String[] p = path.split("/");
        // ["", "v3", "grants", "{grant}", "{resource}", ...]
        if (p.length >= 3 && "webhooks".equals(p[2])) {
            return WEBHOOKS;
        }
        if (p.length < 3 || !"grants".equals(p[2])) {
            return OTHER;
        }
        if (p.length <= 4) {
            return GRANTS;
        }
        boolean read = "GET".equals(method);
        return switch (p[4]) {
            case "messages" -> p.length > 5 && "send".equals(p[5]) ? SEND : read ? MESSAGES_READ : OTHER;
            case "events" -> read ? EVENTS_READ : EVENTS_WRITE;
            case "contacts" -> read ? CONTACTS_READ : CONTACTS_WRITE;
            case "folders" -> read ? FOLDERS_READ : OTHER;
            default -> OTHER;
        };
    }
}
