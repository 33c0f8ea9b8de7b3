package io.nylassf.connect.common.salesforce;

/**
 * An OAuth access token, the instance it is valid for and the identity URL of the user it acts as
 * ({@code https://login.salesforce.com/id/<orgId>/<userId>}; null when unknown, e.g. a pre-issued token).
 * {@link #toString()} never shows the token.
 */
public record AccessToken(String token, String instanceUrl, String identityUrl) {
    public AccessToken {
        if (instanceUrl != null && instanceUrl.endsWith("/")) {
            instanceUrl = instanceUrl.substring(0, instanceUrl.length() - 1);
        }
    }

    public AccessToken(String token, String instanceUrl) {
        this(token, instanceUrl, null);
    }

    /** The ID of the user the token acts as: the identity URL's last segment, or null. */
    public String userId() {
        if (identityUrl == null || identityUrl.isBlank()) {
            return null;
        }
        String u = identityUrl.endsWith("/") ? identityUrl.substring(0, identityUrl.length() - 1) : identityUrl;
        String last = u.substring(u.lastIndexOf('/') + 1);
        return last.matches("005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?") ? last : null;
    }

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", token=***]";
    }
}
