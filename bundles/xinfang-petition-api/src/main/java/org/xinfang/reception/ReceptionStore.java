package org.xinfang.reception;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The reception days held by this node: its own unit's rota and the rotas of the units below that
 * synced here. Every change of the node's own rota is journalled ({@code RECEPTION_DAY}, the whole
 * session) in the same transaction, so it travels up to the district like a case's steps.
 */
public interface ReceptionStore {

    /** The id for this node's next session of {@code unit}'s rota, issued without asking anyone. */
    String nextId(String unit);

    /**
     * Stores a new session and journals it on {@code node}'s chain, in one transaction.
     *
     * @throws IllegalStateException when a session with this id is already stored
     */
    ReceptionDay insert(ReceptionDay day, String node);

    /**
     * Changes a stored session under its row lock: {@code change} gets the session as stored and answers
     * the session after (a higher version; it may throw to refuse); the result is stored and journalled in
     * the same transaction.
     *
     * @throws org.xinfang.petition.NotFoundException when no such session is stored here
     */
    ReceptionDay update(String id, UnaryOperator<ReceptionDay> change, String node);

    /** A session, if held here. */
    Optional<ReceptionDay> get(String id);

    /**
     * Sessions dated from {@code from} to {@code to} (inclusive), of the given units (all when empty), in
     * date and start order.
     */
    List<ReceptionDay> between(LocalDate from, LocalDate to, Collection<String> units);

    /**
     * The cases registered during these sessions (walk-ins that name the session), by session id, oldest
     * first; a session without any is absent.
     */
    Map<String, List<String>> cases(Collection<String> ids);
}
