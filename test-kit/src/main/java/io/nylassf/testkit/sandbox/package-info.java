/**
 * A generated sandbox (reps, customers, mail, meetings) loaded into both emulators, for the quickstart and the
 * end-to-end tests.
 */
package io.nylassf.testkit.sandbox;
