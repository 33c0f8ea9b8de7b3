package io.nylassf.testkit.sandbox;

/**
 * How big a generated sandbox is. The same spec and seed always produce the same people, mail and meetings.
 *
 * @param seed          random seed
 * @param grants        connected mailboxes (one sales rep each)
 * @param contacts      address-book contacts, spread over the grants
 * @param messages      email messages, spread over the grants, in threads
 * @param events        calendar events, spread over the grants
 * @param companies     companies the contacts work at
 * @param accounts      how many of those companies already exist as Salesforce Accounts
 * @param opportunities open Opportunities on those Accounts
 * @param days          how far back mail goes
 */
public record SandboxSpec(long seed, int grants, int contacts, int messages, int events, int companies, int accounts,
                          int opportunities, int days) {

    public static SandboxSpec quickstart() {
        return new SandboxSpec(42, 3, 300, 3_000, 60, 16, 6, 4, 30);
    }

    public static SandboxSpec small() {
        return new SandboxSpec(7, 2, 20, 100, 10, 6, 3, 2, 14);
    }

    public SandboxSpec {
        if (grants < 1 || contacts < 0 || messages < 0 || events < 0 || companies < 1 || accounts < 0
                || accounts > companies || opportunities < 0 || days < 1) {
            throw new IllegalArgumentException("inconsistent sandbox spec");
        }
    }
}
