package org.xinfang.screening.internal;

import java.time.YearMonth;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Shell command of the monthly screening: who below has filed the month's report, who is late. */
public final class ScreeningCommands {
    private ScreeningCommands() {
    }

    /** The month's list of the departments and townships below this node. */
    @Command(scope = "xinfang", name = "screening", description = "Lists who filed the month's screening report (矛盾纠纷排查)")
    @Service
    public static class ListMonth implements Action {
        @Reference
        ScreeningService service;

        @Argument(index = 0, name = "month", description = "YYYY-MM (default the month before this)")
        String month;

        @Override
        public Object execute() {
            YearMonth m = month == null ? service.defaultMonth() : service.month(month);
            System.out.println(m + "  截止 due " + service.form().dueDate(m));
            ShellTable table = new ShellTable();
            table.column("单位 unit");
            table.column("状态 standing");
            table.column("报送时间 filed at");
            table.column("报送人 filed by");
            table.column("事项 items");
            for (ScreeningService.Line l : service.overview(m)) {
                var r = l.report();
                table.addRow().addContent(l.unit().name(), l.standing().label() + (l.filedLate() ? "（逾期报送）" : ""),
                        r == null || r.filedAt() == null ? "" : r.filedAt(), r == null || r.filedBy() == null ? ""
                                : r.filedBy().display(), r == null ? "" : r.nothingToReport() ? "本月无矛盾纠纷" : r.items().size());
            }
            table.print(System.out);
            return null;
        }
    }
}
