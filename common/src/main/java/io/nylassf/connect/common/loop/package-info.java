/**
 * The loop-guard tag each direction writes on what it creates, so a record written by one direction is recognised,
 * and never re-imported, by the other.
 */
package io.nylassf.connect.common.loop;
