package io.nylassf.connect.sink.salesforce.mapping;

import java.util.Set;

/** Consumer mail providers: their domains never stand for a company (no Account is matched or created). */
public final class FreeMailDomains {
    private static final Set<String> DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
            "protonmail.com", "gmx.com", "gmx.de", "yandex.ru", "mail.ru", "qq.com", "163.com", "zoho.com",
            "fastmail.com", "hey.com");

    private FreeMailDomains() {
    }

    public static boolean isFreeMail(String domain) {
        return domain != null && DOMAINS.contains(domain);
    }
}
