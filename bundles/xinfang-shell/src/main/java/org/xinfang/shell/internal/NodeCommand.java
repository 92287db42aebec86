package org.xinfang.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;

/** Prints who this node is. */
@Command(scope = "xinfang", name = "node", description = "Shows this node: tier, unit, parent, version (本节点信息)")
@Service
public class NodeCommand implements Action {
    @Reference
    NodeService node;

    @Override
    public Object execute() {
        NodeInfo info = node.info();
        System.out.println("节点 Node      : " + info.nodeId());
        System.out.println("层级 Tier      : " + info.tier());
        System.out.println("单位 Unit      : " + info.unit().code() + " " + info.unit().name() + " ("
                + info.unit().kind().label() + ")");
        System.out.println("上级 Parent    : " + (info.parentUrl() == null ? "-" : info.parentUrl()));
        System.out.println("版本 Version   : " + info.version());
        for (Unit child : node.units().children(info.unit().code())) {
            System.out.println("下级 Child     : " + child.code() + " " + child.name());
        }
        return null;
    }
}
