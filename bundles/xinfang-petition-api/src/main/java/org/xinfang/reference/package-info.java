/**
 * Reference data kept at the top of the network and synced down to every node: the managed list of
 * problem categories (问题分类) that registration chooses from and statistics count by. The store keeps
 * the list and queues it for the children in one transaction; each child passes it on.
 */
package org.xinfang.reference;
