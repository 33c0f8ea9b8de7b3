/**
 * A generated sandbox (reps, customers, mail, meetings) loaded into both emulators, for the quickstart and the
 * end-to-end tests. Depends on the two emulators (the salesforce and nylas packages) alone.
 */
package io.nylassf.testkit.sandbox;
