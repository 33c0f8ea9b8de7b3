/**
 * Reading instants and dates from the text shapes Nylas, Salesforce and Connect converters produce; depends on
 * nothing but the JDK.
 */
package io.nylassf.connect.common.time;
