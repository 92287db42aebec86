/**
 * The monthly digest (信访摘报): the figures of a month generated from the statistics of the cases held
 * here, the office's text written beside them, and a leader's sign-off, after which the digest is fixed and
 * shown exactly as it was signed. The store interface lives here; the JDBC store implements it, the digest
 * bundle serves it.
 */
package org.xinfang.digest;
