/**
 * What every Xinfang REST endpoint shares: the error body and its exception mappers, the typed fields
 * of a request body (JsonFields), HTTP Basic authentication against JAAS and the staff roles. Exported
 * so that capability bundles publishing their own endpoints (sync, lifecycle, ...) answer and
 * authenticate exactly alike.
 */
package org.xinfang.rest.support;
