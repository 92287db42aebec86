package org.xinfang.sync.agent.internal;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Shell commands of sync. */
public final class SyncCommands {
    private SyncCommands() {
    }

    /** Prints the sync state of this node. */
    @Command(scope = "xinfang", name = "sync-status", description = "Shows sync backlog, lag, children and alarms (同步状态)")
    @Service
    public static class Status implements Action {
        @Reference
        SyncStatus status;

        @Override
        public Object execute() {
            Map<String, Object> view = status.view();
            view.forEach((key, value) -> System.out.println(String.format("%-22s %s", key, value)));
            return null;
        }
    }

    /** Registers a child node and prints its credential. */
    @Command(scope = "xinfang", name = "sync-register", description = "Registers a child node and issues its sync secret (注册下级节点)")
    @Service
    public static class Register implements Action {
        @Reference
        SyncStatus status;

        @Argument(index = 0, name = "node", description = "the child's unit code", required = true)
        String child;

        @Argument(index = 1, name = "secret", description = "use this secret (at least 32 characters) instead of a new one")
        String secret;

        @Override
        public Object execute() {
            Map<String, Object> answer = status.register(child, secret);
            System.out.println("已注册 / registered: " + answer.get("node") + " " + answer.get("name"));
            System.out.println("secret = " + answer.get("secret"));
            System.out.println("把这一行写入下级节点的 etc/org.xinfang.sync.cfg / put this line in the child's etc/org.xinfang.sync.cfg");
            return null;
        }
    }
}
