package org.xinfang.store.jdbc.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.rules.Authority;
import org.xinfang.rules.CaseState;
import org.xinfang.petition.Hierarchy;
import org.xinfang.rules.Holders;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.SyncPolicy;

/** Cases, events and a small organisation for the store tests: D1 above T1 and T2, T1 above V1, T2 above V2. */
final class Cases {
    static final Person CLERK = new Person("clerk", "李娜", "登记员");
    static final Person HEAD = new Person("head", "王芳", "信访办主任");
    static final Map<String, String> PARENTS = Map.of("T1", "D1", "T2", "D1", "V1", "T1", "V2", "T2");

    private Cases() {
    }

    static final Hierarchy UNITS = new Hierarchy() {
        @Override
        public boolean isWithin(String code, String ancestor) {
            for (String u = code; u != null; u = PARENTS.get(u)) {
                if (u.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<String> childCodeToward(String from, String target) {
            if (from.equals(target) || !isWithin(target, from)) {
                return Optional.empty();
            }
            String step = target;
            while (!from.equals(PARENTS.get(step))) {
                step = PARENTS.get(step);
            }
            return Optional.of(step);
        }
    };

    /** A new case registered at {@code unit} (its node has the same id). */
    static Petition petition(String id, String unit) {
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        return new Petition(id, "TRK" + id.replace("-", ""), Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "内容", null, null,
                LocalDate.of(2026, 11, 20), 1, List.of(new Petitioner("张三", "11010519491231002X", null, null)), unit,
                unit, Status.REGISTERED, at, List.of(registered(unit, at)));
    }

    static Event registered(String unit, Instant at) {
        return new Event(1, "new", at, EventType.REGISTERED, CLERK, unit, unit, Attributes.NONE, null);
    }

    static NewEvent event(EventType type, String unit, Attributes attrs) {
        return new NewEvent(type, type.isOpinion() || type == EventType.EXTENDED ? HEAD : CLERK, unit, unit,
                Instant.parse("2026-11-21T02:00:00Z"), attrs, null);
    }

    static NewEvent assign(String by, String to) {
        return event(EventType.ASSIGNED, by, Attributes.builder().put(Attr.UNIT, to).build());
    }

    static NewEvent reason(EventType type, String unit) {
        return event(type, unit, Attributes.builder().put(Attr.REASON, "理由").build());
    }

    /** The rules a node of this organisation applies, as the sync bundle's policy does, for the store's own tests. */
    static SyncPolicy policy(String self) {
        return new SyncPolicy() {
            @Override
            public String self() {
                return self;
            }

            @Override
            public boolean originAllowed(String child, String origin) {
                return UNITS.isWithin(origin, child);
            }

            @Override
            public Verdict registration(String child, JournalEntry entry, Petition p) {
                return UNITS.isWithin(p.registeredBy(), child) && UNITS.isWithin(p.registeredBy(), entry.origin())
                        && p.id().startsWith(p.registeredBy() + "-")
                        ? Verdict.APPLY : Verdict.refuse("foreign_case", "not the child's case");
            }

            @Override
            public Verdict event(String child, JournalEntry entry, Petition current, int basedOn, String digest,
                    NewEvent e) {
                CaseState s = CaseState.of(current);
                if (!UNITS.isWithin(s.registeredBy(), child) && !UNITS.isWithin(s.owner(), child)) {
                    return Verdict.refuse("foreign_case", "not the child's case");
                }
                try {
                    Authority.check(s, e, UNITS);
                    return Verdict.APPLY;
                } catch (RuntimeException refused) {
                    return basedOn != current.version() ? Verdict.conflict("stale_copy", "本件在上级已有新的办理环节")
                            : Verdict.refuseAndCorrect("not_authorized", refused.getMessage());
                }
            }

            @Override
            public Set<String> holders(Petition p) {
                return Holders.of(CaseState.of(p), self, UNITS);
            }

            @Override
            public String nextHop(String recipient) {
                return UNITS.childCodeToward(self, recipient).orElse(null);
            }
        };
    }
}
