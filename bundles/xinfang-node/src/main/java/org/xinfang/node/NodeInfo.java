package org.xinfang.node;

/**
 * Who this node is.
 *
 * @param nodeId the node's identity in the network (by default its unit code)
 * @param tier the tier name, as configured (district, department, township, village, ...)
 * @param unit the unit this node serves
 * @param parentUrl the HTTP base URL of the parent node, or null for the top node
 * @param version the Xinfang version running
 */
public record NodeInfo(String nodeId, String tier, Unit unit, String parentUrl, String version) {
}
