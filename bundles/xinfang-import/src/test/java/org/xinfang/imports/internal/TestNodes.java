package org.xinfang.imports.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Person;
import org.xinfang.rules.HolidayCalendar;

/** The demo organisation's district node (青溪区信访局 above 清河镇 above 柳树村; another district beside it). */
final class TestNodes {
    static final Person HEAD = new Person("head", "赵敏", "青溪区信访局局长");

    private TestNodes() {
    }

    static NodeService district(Path dir) throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510100,成都市信访局,CITY,\n510199,青溪区信访局,DISTRICT,510100\n"
                + "510199101,清河镇,TOWNSHIP,510199\n510199101201,柳树村,VILLAGE,510199101\n"
                + "510199D01,区人社局,DEPARTMENT,510199\n510188,红河区信访局,DISTRICT,510100\n");
        NodeService real = new ConfiguredNode("", "district", "510199", "青溪区信访局", "DISTRICT", "", "", units.toString());
        return new NodeService() {
            @Override
            public NodeInfo info() {
                return real.info();
            }

            @Override
            public UnitDirectory units() {
                return real.units();
            }

            @Override
            public Person person(String login) {
                return "head".equals(login) ? HEAD : new Person(login, null, null);
            }

            @Override
            public List<Person> staff() {
                return List.of(HEAD);
            }

            @Override
            public HolidayCalendar calendar() {
                return HolidayCalendar.weekendsOnly();
            }

            @Override
            public void replaceCalendar(String csv) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
