package io.nylassf.connect.common.salesforce;

/** An OAuth access token and the instance it is valid for. {@link #toString()} never shows the token. */
public record AccessToken(String token, String instanceUrl) {
    public AccessToken {
        if (instanceUrl != null && instanceUrl.endsWith("/")) {
            instanceUrl = instanceUrl.substring(0, instanceUrl.length() - 1);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", token=***]";
    }
}
