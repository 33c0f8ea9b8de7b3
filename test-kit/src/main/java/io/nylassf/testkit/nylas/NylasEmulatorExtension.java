package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * One started {@link NylasEmulator} per test class. Either {@code @ExtendWith(NylasEmulatorExtension.class)} and
 * take a {@code NylasEmulator} parameter, or
 * {@code @RegisterExtension static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.rateLimitPerSecond(0));}
 * and call {@link #emulator()}. State is shared by the class's tests: create a fresh grant per test.
 */
public final class NylasEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final Consumer<NylasEmulatorBuilder> configure;
    private NylasEmulator emulator;

    public NylasEmulatorExtension() {
        this(b -> { });
    }

    public NylasEmulatorExtension(Consumer<NylasEmulatorBuilder> configure) {
        this.configure = configure;
    }

    public NylasEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The Nylas emulator starts before all tests of the class");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        NylasEmulatorBuilder b = NylasEmulator.builder().port(0);
        configure.accept(b);
        emulator = b.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NylasEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
