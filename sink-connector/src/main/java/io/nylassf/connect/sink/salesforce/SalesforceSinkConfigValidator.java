package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.config.SalesforceAuthValidator;
import io.nylassf.connect.common.config.SalesforceConnectionConfig;
import io.nylassf.connect.common.config.ValidationResults;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;
import io.nylassf.connect.sink.salesforce.options.UnmatchedMessage;
import org.apache.kafka.common.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link SalesforceSinkConnector#validate} checks beyond each setting's own validator. */
final class SalesforceSinkConfigValidator {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSinkConfigValidator.class);

    private SalesforceSinkConfigValidator() {
    }

    /**
     * Static rules first (types, enums, each auth method's credentials); only when they all pass, one token
     * request checks the credentials, and a rejection is attached to the setting at fault. An unreachable login
     * URL is tolerated (logged): validation must work where the worker cannot reach Salesforce yet.
     */
    static Config validate(Map<String, String> connectorConfigs, Config perSetting) {
        Config config = SalesforceAuthValidator.validate(perSetting);
        AttachmentsConfig.validate(connectorConfigs, config);
        if (ValidationResults.clean(config)) {
            checkCredentials(connectorConfigs, config);
        }
        return config;
    }

    private static void checkCredentials(Map<String, String> props, Config config) {
        SalesforceSinkConnectorConfig parsed;
        try {
            parsed = new SalesforceSinkConnectorConfig(props);
        } catch (RuntimeException e) {
            return;
        }
        try (SalesforceClient client = new SalesforceClient(parsed.clientSettings())) {
            client.connect();
            checkFields(client, parsed, config);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.AUTHENTICATION) {
                String setting = settingAtFault(parsed.connection().authMethod(), e.errorCode());
                ValidationResults.find(config, setting).ifPresent(v -> v.addErrorMessage(setting + ": Salesforce rejected the "
                        + "credentials: " + e.getMessage()));
            } else {
                log.warn("Could not check the Salesforce credentials ({}); validation continues without it",
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the Salesforce credentials ({})", e.toString());
        }
    }

    /**
     * One Composite call describes the objects the sink writes; a missing external-ID or modified-at field is
     * attached to the setting that names it, saying what to create.
     */
    static void checkFields(SalesforceClient client, SalesforceSinkConnectorConfig c, Config config) {
        String messageObject = c.emailMessageMode() ? "EmailMessage" : "Task";
        Map<String, List<String>> settingsByObject = new LinkedHashMap<>();
        List<String[]> required = new ArrayList<>(); // {setting, object, field, what to create}
        for (String o : List.of("Contact", "Lead")) {
            required.add(new String[]{SalesforceSinkConnectorConfig.CONTACT_EXTERNAL_ID, o, c.contactExternalId(),
                    "Text(255) External ID"});
        }
        required.add(new String[]{SalesforceSinkConnectorConfig.MESSAGE_EXTERNAL_ID, messageObject,
                c.messageExternalId(), "Text(255) External ID"});
        required.add(new String[]{SalesforceSinkConnectorConfig.EVENT_EXTERNAL_ID, "Event", c.eventExternalId(),
                "Text(255) External ID"});
        if (c.eventSeriesField() != null) {
            required.add(new String[]{RecurringEventsSinkConfig.SERIES_FIELD, "Event", c.eventSeriesField(),
                    "Text(255)"});
        }
        if (c.createAccounts() && c.routing() != PersonRouter.Rule.LEAD) {
            required.add(new String[]{SalesforceSinkConnectorConfig.ACCOUNT_EXTERNAL_ID, "Account",
                    c.accountExternalId(), "Text(255) External ID, Unique"});
        }
        if (c.unmatchedMessage() == UnmatchedMessage.CREATE_LEAD) {
            required.add(new String[]{SalesforceSinkConnectorConfig.LEAD_EMAIL_KEY, "Lead", c.leadEmailKeyField(),
                    "Text(255) External ID, Unique"});
        }
        if (c.modifiedAtField() != null) {
            for (String o : List.of("Contact", "Lead", messageObject, "Event")) {
                required.add(new String[]{ConflictsConfig.MODIFIED_AT_FIELD, o, c.modifiedAtField(),
                        "Date/Time"});
            }
        }
        if (AttachmentsConfig.enabled(c)) {
            required.add(new String[]{AttachmentsConfig.EXTERNAL_ID, "ContentVersion",
                    AttachmentsConfig.externalIdField(c), "Text(255) External ID"});
        }
        required.forEach(r -> settingsByObject.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]));
        Map<String, Set<String>> fields = client.describeFields(new ArrayList<>(settingsByObject.keySet()));
        for (String[] r : required) {
            Set<String> names = fields.get(r[1]);
            String message = names == null ? r[0] + ": the integration user cannot see the " + r[1] + " object"
                    : names.contains(r[2]) ? null
                    : r[1] + " has no field " + r[2] + ": create it as " + r[3] + " (or change " + r[0] + ")";
            if (message != null) {
                ValidationResults.find(config, r[0]).ifPresent(v -> {
                    if (!v.errorMessages().contains(message)) {
                        v.addErrorMessage(message);
                    }
                });
            }
        }
    }

    static String settingAtFault(SalesforceAuthMethod method, String oauthError) {
        if ("invalid_client_id".equals(oauthError)) {
            return SalesforceConnectionConfig.CLIENT_ID;
        }
        if ("invalid_private_key".equals(oauthError)) {
            return SalesforceConnectionConfig.JWT_PRIVATE_KEY;
        }
        return switch (method) {
            case CLIENT_CREDENTIALS -> SalesforceConnectionConfig.CLIENT_SECRET;
            case REFRESH_TOKEN -> SalesforceConnectionConfig.REFRESH_TOKEN;
            case JWT_BEARER -> "invalid_grant".equals(oauthError) ? SalesforceConnectionConfig.JWT_PRIVATE_KEY
                    : SalesforceConnectionConfig.USERNAME;
        };
    }
}
