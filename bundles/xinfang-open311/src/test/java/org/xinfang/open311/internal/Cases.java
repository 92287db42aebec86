package org.xinfang.open311.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.UnitKind;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;

/** Cases full of personal data, and the services Open311 reads them through, kept in memory (no OSGi). */
final class Cases {
    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13912345678";
    static final String PERSON = "张秀英";
    static final String HOME = "清河镇幸福村3组12号";
    static final String CONTENT = "我家承包地被占用，补偿款至今未发放";
    static final String SUBJECT = "征地补偿款未发放";
    static final String CLERK = "李登记";
    static final String TOWNSHIP = "510199101";
    static final String TOWNSHIP_NAME = "清河镇人民政府";

    final List<Petition> held = new ArrayList<>();
    final List<PetitionQuery> queries = new ArrayList<>();

    /** A case received on {@code received}, its timeline of {@code steps} one day apart from receipt. */
    Petition add(String id, Kind kind, Status status, LocalDate received, EventType... steps) {
        List<Event> timeline = new ArrayList<>();
        Instant at = received.atTime(10, 32).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        for (int i = 0; i < steps.length; i++) {
            timeline.add(new Event(i + 1, TOWNSHIP + "#" + (i + 1), at.plus(java.time.Duration.ofDays(i)), steps[i],
                    new Person("lidj", CLERK, "清河镇信访办登记员"), TOWNSHIP, TOWNSHIP, Attributes.NONE, "约谈了" + PERSON));
        }
        Petition p = new Petition(id, "TRK" + id.replace("-", ""), kind, Channel.WALK_IN, SUBJECT, CONTENT, "劳动社保",
                null, received, 1, List.of(new Petitioner(PERSON, ID_NUMBER, PHONE, HOME)), TOWNSHIP, TOWNSHIP, status,
                at, timeline);
        held.add(0, p);
        return p;
    }

    /** The register as PetitionService: find and get, newest first; nothing else is called by Open311. */
    PetitionService service() {
        return (PetitionService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PetitionService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> held.stream().filter(p -> p.id().equals(args[0])).findFirst();
                    case "find" -> find((PetitionQuery) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Page<PetitionSummary> find(PetitionQuery q) {
        queries.add(q);
        // as the store answers: newest registration first
        List<PetitionSummary> all = held.stream()
                .sorted(java.util.Comparator.comparing(Petition::registeredAt).reversed())
                .filter(p -> q.kind() == null || p.kind() == q.kind())
                .filter(p -> q.from() == null || !p.receivedAt().isBefore(q.from()))
                .filter(p -> q.to() == null || !p.receivedAt().isAfter(q.to()))
                .map(p -> new PetitionSummary(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), p.category(),
                        p.receivedAt(), p.registeredBy(), p.owner(), p.status(), p.registeredAt(), PERSON))
                .toList();
        int to = Math.min(all.size(), q.offset() + q.limit());
        return new Page<>(q.offset() >= all.size() ? List.of() : all.subList(q.offset(), to), all.size(), q.offset(),
                q.limit());
    }

    /** A node that knows the township by name. */
    static NodeService node() {
        UnitDirectory units = (UnitDirectory) Proxy.newProxyInstance(Cases.class.getClassLoader(),
                new Class<?>[] {UnitDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> TOWNSHIP.equals(args[0])
                            ? Optional.of(new Unit(TOWNSHIP, TOWNSHIP_NAME, UnitKind.values()[0], null)) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (NodeService) Proxy.newProxyInstance(Cases.class.getClassLoader(), new Class<?>[] {NodeService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "units" -> units;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
