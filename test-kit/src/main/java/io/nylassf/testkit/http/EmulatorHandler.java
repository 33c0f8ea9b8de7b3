package io.nylassf.testkit.http;

/** Handles one routed request. Throwing {@link EmulatorException} turns into its response. */
@FunctionalInterface
public interface EmulatorHandler {
    EmulatorResponse handle(EmulatorRequest request) throws Exception;
}
