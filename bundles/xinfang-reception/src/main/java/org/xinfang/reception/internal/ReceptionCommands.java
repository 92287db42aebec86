package org.xinfang.reception.internal;

import java.security.AccessController;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Person;
import org.xinfang.reception.ReceptionDay;

/** Shell commands of the reception rota (领导接访日): list it, add a session. */
public final class ReceptionCommands {
    private ReceptionCommands() {
    }

    /** The person at the shell, by name and title from the staff list. */
    @SuppressWarnings("removal")
    static Person actor(NodeService node) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = "shell";
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof UserPrincipal) {
                    user = p.getName();
                }
            }
        }
        return node.person(user);
    }

    /** The rota held here: this unit's sessions and those synced from below. */
    @Command(scope = "xinfang", name = "reception-days", description = "Lists the leader reception days (领导接访日)")
    @Service
    public static class ListDays implements Action {
        @Reference
        ReceptionService service;

        @Option(name = "--from", description = "first day, YYYY-MM-DD (default today)")
        String from;

        @Option(name = "--to", description = "last day, YYYY-MM-DD (default 30 days after --from)")
        String to;

        @Override
        public Object execute() {
            LocalDate first = from == null ? service.today() : ReceptionService.date("from", from);
            LocalDate last = to == null ? first.plusDays(30) : ReceptionService.date("to", to);
            List<ReceptionDay> days = service.between(first, last);
            Map<String, List<String>> cases = service.cases(days);
            ShellTable table = new ShellTable();
            table.column("编号 id");
            table.column("日期 date");
            table.column("时间 time");
            table.column("单位 unit");
            table.column("接访领导 leader");
            table.column("地点 place");
            table.column("状态 status");
            table.column("来访件数 cases");
            for (ReceptionDay d : days) {
                table.addRow().addContent(d.id(), d.date(), d.start() + "-" + d.end(), service.unitName(d.unit()),
                        d.leader().display(), d.place(), d.status().label(), cases.getOrDefault(d.id(), List.of()).size());
            }
            table.print(System.out);
            return null;
        }
    }

    /** Puts a session on this node's unit's rota. */
    @Command(scope = "xinfang", name = "reception-add", description = "Adds a leader reception day to this unit's rota (安排领导接访日)")
    @Service
    public static class Add implements Action {
        @Reference
        ReceptionService service;

        @Reference
        NodeService node;

        @Argument(index = 0, name = "date", required = true, description = "the day, YYYY-MM-DD")
        String date;

        @Argument(index = 1, name = "start", required = true, description = "start, HH:mm")
        String start;

        @Argument(index = 2, name = "end", required = true, description = "end, HH:mm")
        String end;

        @Argument(index = 3, name = "leader", required = true, description = "the leader's staff login (named in etc/xinfang-staff.csv)")
        String leader;

        @Argument(index = 4, name = "place", required = true, description = "where")
        String place;

        @Option(name = "--topics", description = "what the session is for")
        String topics;

        @Override
        public Object execute() {
            ReceptionDay d = service.schedule(new ReceptionInput(date, start, end, place, topics, leader, null),
                    actor(node));
            System.out.println(d.id() + "  " + d.date() + " " + d.start() + "-" + d.end() + "  " + d.leader().display()
                    + "  " + d.place() + "  " + d.status().label());
            return null;
        }
    }
}
