package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/**
 * Decides whether a new person becomes a Contact or a Lead (pure). With the default {@code account_domain}
 * rule, a person whose email domain matches an existing Account becomes a Contact linked to it; otherwise a
 * Lead, or, when Account creation is on and the domain is a company's, a Contact under a new Account.
 */
public final class PersonRouter {
    /** The routing rule ({@code salesforce.contact.routing}). */
    public enum Rule implements ConfigChoice {
        ACCOUNT_DOMAIN, LEAD, CONTACT;

        public static final ChoiceSetting<Rule> SETTING = ChoiceSetting.of(Rule.class);

        public static Rule fromConfig(String s) {
            return SETTING.parse(s);
        }
    }

    /** Where the person goes: the object, the Account to link (if any) and whether that Account must be created. */
    public record Route(String sobject, String accountId, boolean createAccount) {
    }

    private final Rule rule;
    private final boolean createAccounts;

    public PersonRouter(Rule rule, boolean createAccounts) {
        this.rule = rule;
        this.createAccounts = createAccounts;
    }

    /**
     * @param domain             the person's normalised email domain, or null
     * @param matchedAccountId   the Account matching that domain, or null
     * @param companyDomain      whether the domain can stand for a company (not a free-mail provider)
     */
    public Route route(String domain, String matchedAccountId, boolean companyDomain) {
        return switch (rule) {
            case LEAD -> new Route("Lead", null, false);
            case CONTACT -> matchedAccountId != null ? new Route("Contact", matchedAccountId, false)
                    : new Route("Contact", null, createAccounts && domain != null && companyDomain);
            case ACCOUNT_DOMAIN -> {
                if (matchedAccountId != null) {
                    yield new Route("Contact", matchedAccountId, false);
                }
                if (createAccounts && domain != null && companyDomain) {
                    yield new Route("Contact", null, true);
                }
                yield new Route("Lead", null, false);
            }
        };
    }
}
