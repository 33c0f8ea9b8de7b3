/**
 * The per-object source offset (the last SystemModstamp and Id read). Depends on the JDK alone.
 */
package io.nylassf.connect.source.salesforce.offset;
