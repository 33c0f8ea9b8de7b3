package io.nylassf.quickstart;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuickstartWindowEdgeTest {

    @Test
    void theNylasSourcesLagAndPollIntervalBoundWhenSeededItemsHaveBeenRead() {
        List<ConnectorDeployer.Deployment> deployed = List.of(
                new ConnectorDeployer.Deployment("salesforce-sink", Map.of("connector.class",
                        "io.nylassf.connect.sink.salesforce.SalesforceSinkConnector", "poll.interval.ms", "99000")),
                new ConnectorDeployer.Deployment("nylas-source", Map.of("connector.class",
                        "io.nylassf.connect.source.nylas.NylasSourceConnector", "poll.interval.ms", "5000")));
        // the sandbox config leaves window.lag.ms at its default of 30 s
        assertEquals(Duration.ofSeconds(35), Quickstart.windowEdge(deployed));
        assertEquals(Duration.ZERO, Quickstart.windowEdge(deployed.subList(0, 1)));
    }
}
