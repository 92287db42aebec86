package org.xinfang.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.xinfang.petition.Event;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.Petitioner;

/** Shows one petition with its timeline; identity numbers and phones are masked on the console. */
@Command(scope = "xinfang", name = "show", description = "Shows one petition with its timeline (信访事项详情)")
@Service
public class ShowCommand implements Action {
    @Reference
    PetitionService petitions;

    @Argument(name = "id", description = "the petition id", required = true)
    String id;

    @Override
    public Object execute() {
        Petition p = petitions.get(id).orElse(null);
        if (p == null) {
            System.err.println("未找到信访事项 / no such petition: " + id);
            return null;
        }
        System.out.println("编号 Id         : " + p.id() + "   查询码 Tracking: " + p.trackingCode());
        System.out.println("类别 Kind       : " + p.kind().label() + " (" + p.kind() + ")   渠道 Channel: "
                + p.channel().label());
        System.out.println("状态 Status     : " + p.status().label() + " (" + p.status() + ")");
        System.out.println("收到 Received   : " + p.receivedAt() + "   人数 Headcount: " + p.headcount());
        System.out.println("登记 Registered : " + p.registeredBy() + "   责任 Owner: " + p.owner());
        System.out.println("事由 Subject    : " + p.subject());
        System.out.println("内容 Content    : " + p.content());
        for (Petitioner person : p.petitioners()) {
            var masked = person.masked();
            System.out.println("信访人 Person   : " + masked.name() + "  " + (masked.idNumber() == null ? "" : masked.idNumber())
                    + "  " + (masked.phone() == null ? "" : masked.phone()));
        }
        for (Event e : p.timeline()) {
            System.out.println("  " + e.seq() + ". " + e.at() + "  " + e.type().label() + " (" + e.type() + ")  "
                    + e.actor().display() + " @ " + e.unit() + " [" + e.node() + ", " + e.id() + "]"
                    + (e.attrs().isEmpty() ? "" : "  " + e.attrs()) + (e.note() == null ? "" : "  " + e.note()));
        }
        return null;
    }
}
