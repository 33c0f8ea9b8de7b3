/**
 * Thread pools for the tasks' background work, sized to a cap and shrinking back when idle; depends on nothing but
 * the JDK.
 */
package io.nylassf.connect.common.exec;
