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

    /** Lists the cases whose copies differ between nodes (anti-entropy). */
    @Command(scope = "xinfang", name = "sync-consistency",
            description = "Lists cases whose copies differ from the parent's, here and below (副本一致性核对)")
    @Service
    public static class ConsistencyCheck implements Action {
        @Reference
        SyncStatus status;

        @org.apache.karaf.shell.api.action.Option(name = "--check", description = "compare with the parent now first")
        boolean check;

        @Override
        public Object execute() throws Exception {
            Map<String, Object> view = check ? status.checkConsistency() : status.consistency();
            @SuppressWarnings("unchecked")
            java.util.List<String> differing = (java.util.List<String>) view.get("differing");
            System.out.println(differing.isEmpty() ? "各节点副本一致 / no case differs"
                    : "副本不一致的案件 / cases whose copies differ: " + String.join(", ", differing));
            System.out.println("本节点 / this node: " + view.get("self"));
            for (Object n : (java.util.List<?>) view.get("nodes")) {
                System.out.println("  " + n);
            }
            return null;
        }
    }

    /** Re-checks the chains held here and this node's journal against its parent's receipts. */
    @Command(scope = "xinfang", name = "sync-verify",
            description = "Re-checks every hash chain and the journal against the parent's receipts (核验日志)")
    @Service
    public static class Verify implements Action {
        @Reference
        SyncStatus status;

        @Override
        public Object execute() {
            Map<String, Object> view = status.verify();
            System.out.println(Boolean.TRUE.equals(view.get("intact")) ? "完整 / intact" : "不完整 / NOT intact");
            view.forEach((key, value) -> System.out.println(String.format("%-10s %s", key, value)));
            return null;
        }
    }
}
