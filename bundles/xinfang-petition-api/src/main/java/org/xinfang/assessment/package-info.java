/**
 * Assessment of petition work (目标管理考核, R2022 Art. 38-39): the yearly scores of the units below a node,
 * computed from the cases' events by the weights the district configures, and frozen when the year is closed.
 * The store keeps the closed years exactly as they were closed.
 */
package org.xinfang.assessment;
