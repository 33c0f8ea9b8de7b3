/**
 * The Nylas API v3 client and its value types (grants, messages, events, contacts, list queries), apart from any
 * Connect glue: it depends on OkHttp, Jackson and the http package only.
 */
package io.nylassf.connect.common.nylas;
