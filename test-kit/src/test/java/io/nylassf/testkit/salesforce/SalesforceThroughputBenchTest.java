package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link SalesforceThroughputBench} in the bench profile: {@code mvn -pl test-kit -Pbench test
 * -Dtest=SalesforceThroughputBenchTest}; the figures are in the surefire report's output file.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SalesforceThroughputBenchTest {
    @Test
    void printsRequestsPerSecond() throws Exception {
        SalesforceThroughputBench.main(new String[0]);
    }
}
