package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * JUnit 5 extension: {@code @RegisterExtension static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension();}
 * starts one emulator per test class with the static token {@link #TOKEN}; {@link #resetBetweenTests()} clears
 * records, faults and counters before each test.
 */
public final class SalesforceEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    public static final String TOKEN = "00D000000000001!AQtesttoken";

    private final Consumer<SalesforceEmulator.Builder> customizer;
    private boolean reset;
    private SalesforceEmulator emulator;

    public SalesforceEmulatorExtension() {
        this(b -> { });
    }

    /** Customise the builder (the static token is already set). */
    public SalesforceEmulatorExtension(Consumer<SalesforceEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    public SalesforceEmulatorExtension resetBetweenTests() {
        this.reset = true;
        return this;
    }

    public SalesforceEmulator emulator() { return emulator; }
    public String baseUrl() { return emulator.baseUrl(); }
    public String token() { return TOKEN; }
    public Org org() { return emulator.org(); }

    @Override
    public void beforeAll(ExtensionContext context) {
        SalesforceEmulator.Builder b = SalesforceEmulator.builder().staticToken(TOKEN);
        customizer.accept(b);
        emulator = b.build().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (reset) {
            emulator.org().clear();
            emulator.faults().reset();
            emulator.resetApiCallCount();
            emulator.setApiUsage(0);
            emulator.registerToken(TOKEN);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
        }
    }
}
