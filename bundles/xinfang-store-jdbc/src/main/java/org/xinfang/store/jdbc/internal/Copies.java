package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Event;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore.Conflict;
import org.xinfang.petition.PetitionStore.Tracked;
import org.xinfang.sync.Message;
import org.xinfang.sync.SyncPolicy;

/**
 * A case as the parent holds it, arriving at a child: the owner of the stage above wins. The child's
 * copy becomes the parent's, unless the child's copy only adds steps taken here or below on top of the parent's
 * (they are on their way up, and the parent will answer for them). Conflict notices about steps taken
 * on this node are kept for the clerk; the case goes on to the children of this node that hold a copy.
 */
final class Copies {
    private static final Logger LOG = LoggerFactory.getLogger(Copies.class);

    private Copies() {
    }

    static void apply(Connection c, Message m, SyncPolicy policy) throws SQLException {
        PetitionJson.Snapshot s = PetitionJson.read(m.payload(), LegacyEvents::id);
        Petition parents = s.petition();
        String self = policy.self();
        boolean changed;
        if (!JdbcPetitionStore.lock(c, parents.id())) {
            try (RowWriter rows = new RowWriter(c, CaseCount.COPIES)) {
                rows.newCase(parents, s.verificationHash(), null, -1, null);
                rows.flush();
            }
            changed = true;
        } else {
            Tracked local = JdbcPetitionStore.load(c, "id", parents.id()).orElseThrow();
            changed = !keepsOwn(local.petition(), parents, s.conflicts());
            if (changed) {
                JdbcPetitionStore.replaceTimeline(c, parents);
            }
        }
        List<Conflict> below = new ArrayList<>();
        for (Conflict k : s.conflicts()) {
            if (self.equals(nodeOf(k.eventId()))) {
                if (JdbcPetitionStore.keepConflict(c, k)) {
                    LOG.info("step {} ({}) on case {} was not taken by {}: {}", k.eventId(), k.type(), k.caseId(),
                            k.refusedBy(), k.reason());
                }
            } else {
                below.add(k);
            }
        }
        java.util.Optional<org.xinfang.petition.NewEvent> own = changed ? policy.onCopy(parents)
                : java.util.Optional.empty();
        if (own.isPresent()) {
            // a step the copy calls for here (签收 of an assignment), in the same transaction: nobody here sees
            // the copy without it; its journal entry travels up, and holders below get the case with it
            Tracked now = JdbcPetitionStore.load(c, "id", parents.id()).orElseThrow();
            Petition after = JdbcPetitionStore.appendLocked(c, now, own.get(), policy.holders(parents));
            LOG.info("case {}: {} recorded on arrival", after.id(), own.get().type());
            if (!below.isEmpty()) {
                Downbox.sendCopies(c, after, now.verificationHash(), below, policy.holders(after),
                        m.createdMillis());
            }
        } else if (changed || !below.isEmpty()) {
            Downbox.sendCopies(c, parents, s.verificationHash(), below, policy.holders(parents), m.createdMillis());
        }
    }

    /**
     * Whether the local copy is the parent's, or the parent's plus steps taken here or below not yet
     * answered for above (none of them named in a conflict notice): then it stays as it is.
     */
    static boolean keepsOwn(Petition local, Petition parents, List<Conflict> conflicts) {
        List<Event> mine = local.timeline();
        List<Event> theirs = parents.timeline();
        if (theirs.size() > mine.size()) {
            return false;
        }
        for (int i = 0; i < theirs.size(); i++) {
            if (!theirs.get(i).id().equals(mine.get(i).id())) {
                return false;
            }
        }
        Set<String> refused = new HashSet<>();
        conflicts.forEach(k -> refused.add(k.eventId()));
        return mine.subList(theirs.size(), mine.size()).stream().noneMatch(e -> refused.contains(e.id()));
    }

    /** The node an event was recorded on, from its identity ({@code node#seq}); null for older identities. */
    static String nodeOf(String eventId) {
        int hash = eventId.lastIndexOf('#');
        return hash < 0 ? null : eventId.substring(0, hash);
    }
}
