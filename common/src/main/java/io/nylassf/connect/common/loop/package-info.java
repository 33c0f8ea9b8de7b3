/**
 * The loop-guard tag each direction writes on what it creates, so a record written by one direction is recognised,
 * and never re-imported, by the other. Depends on the JDK alone.
 */
package io.nylassf.connect.common.loop;
