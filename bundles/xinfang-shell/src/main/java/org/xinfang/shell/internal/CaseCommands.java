package org.xinfang.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xinfang.lifecycle.ActionInput;
import org.xinfang.petition.Actor;
import org.xinfang.node.NodeService;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionService;

/** Shell commands for the procedure: assign, every other step, and the deadline lists. */
public final class CaseCommands {
    private CaseCommands() {
    }

    /** The shell user, with the roles of their JAAS login. */
    @SuppressWarnings("removal")
    static Actor actor(NodeService node) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = "shell";
        Set<String> roles = new HashSet<>();
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof UserPrincipal) {
                    user = p.getName();
                } else if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                }
            }
        }
        // events record the person: name and title from etc/xinfang-staff.csv
        return new Actor(node.person(user), roles);
    }

    static void print(Petition p) {
        System.out.println(p.id() + "  " + p.status().label() + " (" + p.status() + ")  责任单位 owner: " + p.owner());
    }

    /** 交办/转送 a case to a unit below this node. */
    @Command(scope = "xinfang", name = "assign", description = "Assigns a case to a unit below this node (交办)")
    @Service
    public static class Assign implements Action {
        @Reference
        PetitionService petitions;

        @Reference
        NodeService node;

        @Argument(index = 0, name = "id", required = true, description = "the petition id")
        String id;

        @Argument(index = 1, name = "unit", required = true, description = "the unit code to assign to")
        String unit;

        @Option(name = "--note", description = "instructions for the unit")
        String note;

        @Override
        public Object execute() {
            print(petitions.assign(id, unit, note, actor(node)));
            return null;
        }
    }

    /** Any other step of the procedure. */
    @Command(scope = "xinfang", name = "act", description = "Performs a step: accept, object, extend, decide, ... (办理)")
    @Service
    public static class Act implements Action {
        @Reference
        CaseService cases;

        @Reference
        NodeService node;

        @Argument(index = 0, name = "id", required = true, description = "the petition id")
        String id;

        @Argument(index = 1, name = "action", required = true, description = "accept, object, extend, decide,"
                + " mediate, request-review, review, request-rereview, start-hearing, end-hearing, rereview,"
                + " terminate, redirect, not-accept, link, answer-supervision, reply, deliver")
        String action;

        @Option(name = "--reason", description = "why")
        String reason;

        @Option(name = "--days", description = "extension in days (at most 30)")
        Integer days;

        @Option(name = "--channel", description = "LEGAL, DISCIPLINE or OTHER (redirect)")
        String channel;

        @Option(name = "--request", description = "the petitioner's request (decisions)")
        String request;

        @Option(name = "--facts", description = "the facts found (decisions)")
        String facts;

        @Option(name = "--decision", description = "SUPPORT, EXPLAIN or REJECT")
        String decision;

        @Option(name = "--basis", description = "the legal basis (decisions)")
        String basis;

        @Option(name = "--sign-off", description = "the unit head signs the decision off")
        boolean signOff;

        @Option(name = "--note", description = "anything else for the timeline")
        String note;

        @Option(name = "--link-to", description = "the open case a repeat petition joins (link)")
        String linkTo;

        @Option(name = "--result", description = "UPHOLD, VARY or REVOKE (review, rereview); ADOPTED, PARTLY_ADOPTED or"
                + " NOT_ADOPTED (reply)")
        String result;

        @Option(name = "--answer", description = "the reply (reply) or the answer to supervision")
        String answer;

        @Option(name = "--filed-on", description = "the day the petitioner filed the request, YYYY-MM-DD")
        String filedOn;

        @Option(name = "--document", description = "the document delivered: DECIDED, REVIEWED, ACCEPTED, ... (deliver)")
        String document;

        @Option(name = "--delivered-on", description = "the day the petitioner received it, YYYY-MM-DD (deliver)")
        String deliveredOn;

        @Option(name = "--way", description = "IN_PERSON, POST or ONLINE (deliver)")
        String way;

        @Override
        public Object execute() {
            org.xinfang.lifecycle.Action step = org.xinfang.lifecycle.Action.fromPath(action);
            if (step == null) {
                System.err.println("没有这个办理环节 / no such step: " + action);
                return null;
            }
            print(cases.act(id, step, new ActionInput(reason, days, channel, request, facts, decision, basis,
                    signOff ? Boolean.TRUE : null, note, linkTo, null, answer, null, result, filedOn, document,
                    deliveredOn, way), actor(node)));
            return null;
        }
    }

    /** Overdue, approaching or all open deadlines. */
    @Command(scope = "xinfang", name = "deadlines", description = "Lists overdue, approaching or open deadlines (期限)")
    @Service
    public static class Deadlines implements Action {
        @Reference
        CaseService cases;

        @Option(name = "--filter", description = "overdue, approaching or open (default open)")
        String filter = "open";

        @Option(name = "--unit", description = "only cases this unit owns")
        String unit;

        @Option(name = "--days", description = "approaching means due within this many days (default 3)")
        int days = 3;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("编号 Id");
            table.column("环节 Step");
            table.column("期限 Due");
            table.column("剩余 Left");
            table.column("状态 State");
            table.column("责任单位 Owner");
            table.column("事由 Subject").maxSize(30);
            for (CaseService.CaseDeadline c : cases.deadlineList(filter, unit, days)) {
                table.addRow().addContent(c.id(), c.deadline().step().label(), c.deadline().due(),
                        c.deadline().daysRemaining(), c.deadline().state().json(), c.owner(), c.subject());
            }
            table.print(System.out);
            return null;
        }
    }

    /** Runs the overdue scan now. */
    @Command(scope = "xinfang", name = "supervise", description = "Raises supervision notices for overdue cases below (督办)")
    @Service
    public static class Supervise implements Action {
        @Reference
        CaseService cases;

        @Reference
        NodeService node;

        @Override
        public Object execute() {
            java.util.List<String> ids = cases.superviseOverdue(actor(node));
            System.out.println("督办 / supervised: " + ids.size() + (ids.isEmpty() ? "" : " " + ids));
            return null;
        }
    }

    /** Supervision notices, open ones until answered. */
    @Command(scope = "xinfang", name = "supervision", description = "Lists supervision notices (督办件)")
    @Service
    public static class Supervisions implements Action {
        @Reference
        CaseService cases;

        @Option(name = "--all", description = "also the answered ones")
        boolean all;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("编号 Id");
            table.column("责任单位 Owner");
            table.column("督办日 Raised");
            table.column("答复期限 Due");
            table.column("答复日 Answered");
            table.column("事由 Subject").maxSize(30);
            for (CaseService.Supervision s : cases.supervisions(!all)) {
                table.addRow().addContent(s.id(), s.owner(), s.raisedOn(), s.answerDue(),
                        s.answeredOn() == null ? "-" : s.answeredOn(), s.subject());
            }
            table.print(System.out);
            return null;
        }
    }
}
