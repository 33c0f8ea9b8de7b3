/**
 * The per-object source offset (the last SystemModstamp and Id read).
 */
package io.nylassf.connect.source.salesforce.offset;
