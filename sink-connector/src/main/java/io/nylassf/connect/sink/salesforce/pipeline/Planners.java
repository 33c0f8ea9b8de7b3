package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.EmailFidelityConfig;
import io.nylassf.connect.sink.salesforce.SalesforceSinkConnectorConfig;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver;
import io.nylassf.connect.sink.salesforce.mapping.ContactMapper;
import io.nylassf.connect.sink.salesforce.mapping.EventMapper;
import io.nylassf.connect.sink.salesforce.mapping.MessageToTaskMapper;
import io.nylassf.connect.sink.salesforce.mapping.PersonRouter;

import java.util.function.Predicate;

/** The planners of one task, built from the settings and the conflict rules (immutable, shared by all batches). */
record Planners(PeoplePlanner people, SenderLeadPlanner senderLeads, MessagePlanner messages, EventPlanner events,
                GrantTaskPlanner grants, RelationPlanner relations) {

    static Planners of(SalesforceSinkConnectorConfig config, ConflictResolver resolver, Counterparts counterparts,
                       Predicate<String> companyDomain) {
        String modifiedAt = config.modifiedAtField();
        return new Planners(
                new PeoplePlanner(new ContactMapper(config.mapping("Contact"), config.mapping("Lead")),
                        new PersonRouter(config.routing(), config.createAccounts()), resolver,
                        config.contactExternalId(), companyDomain, config.accountDomainField(),
                        config.accountExternalId(), new PersonOwnership(config.personOwner())),
                new SenderLeadPlanner(counterparts, config.messageTarget().sobject(), config.leadEmailKeyField(),
                        EmailFidelityConfig.automatedSenders(config), new PersonOwnership(config.personOwner())),
                new MessagePlanner(messageMapper(config), counterparts, resolver, config.messageTarget(),
                        config.unmatchedMessage(), config.messageExternalId(), modifiedAt),
                new EventPlanner(new EventMapper(config.mapping("Event")), counterparts, resolver,
                        config.deletedEvent(), config.eventExternalId(), modifiedAt, config.eventSeriesField()),
                new GrantTaskPlanner(config.messageExternalId(), config.activityZone()),
                new RelationPlanner());
    }

    static MessageToTaskMapper messageMapper(SalesforceSinkConnectorConfig config) {
        return new MessageToTaskMapper(config.mapping("Task"), config.activityZone(), config.internalDomains());
    }
}
