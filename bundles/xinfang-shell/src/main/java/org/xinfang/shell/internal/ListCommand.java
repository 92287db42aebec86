package org.xinfang.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Status;

/** Lists petitions, newest first. */
@Command(scope = "xinfang", name = "list", description = "Lists petitions, newest first (信访事项列表)")
@Service
public class ListCommand implements Action {
    @Reference
    PetitionService petitions;

    @Option(name = "--status", description = "only this status, e.g. REGISTERED")
    String status;

    @Option(name = "--kind", description = "only this kind: SUGGESTION, ACCUSATION or CLAIM")
    String kind;

    @Option(name = "--unit", description = "only petitions registered or owned by this unit code")
    String unit;

    @Option(name = "--limit", description = "at most this many (default 20)")
    int limit = 20;

    @Argument(name = "text", description = "words to find in subject, content or category", required = false)
    String text;

    @Override
    public Object execute() {
        Page<PetitionSummary> page = petitions.find(new PetitionQuery(
                status == null ? null : Status.valueOf(status.toUpperCase(Locale.ROOT)), unit,
                kind == null ? null : Kind.valueOf(kind.toUpperCase(Locale.ROOT)), null, null, text, 0, limit));
        ShellTable table = new ShellTable();
        table.column("编号 Id");
        table.column("收到 Received");
        table.column("类别 Kind");
        table.column("状态 Status");
        table.column("责任单位 Owner");
        table.column("事由 Subject").maxSize(40);
        for (PetitionSummary s : page.items()) {
            table.addRow().addContent(s.id(), s.receivedAt(), s.kind().label(), s.status().label(), s.owner(),
                    s.subject());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " / " + page.total());
        return null;
    }
}
