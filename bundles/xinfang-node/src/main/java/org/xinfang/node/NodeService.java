package org.xinfang.node;

/** This node's identity and its view of the organisation tree. Published as an OSGi service. */
public interface NodeService {

    /** Who this node is. */
    NodeInfo info();

    /** The organisation tree. */
    UnitDirectory units();
}
