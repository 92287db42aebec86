package org.xinfang.petition.service.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Event;
import org.xinfang.petition.HistoricCase;
import org.xinfang.petition.HistoricRegister;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Person;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.PublicProgress;
import org.xinfang.petition.Rating;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStatus;
import org.xinfang.reception.ReceptionStore;
import org.xinfang.reference.CategoryList;
import org.xinfang.reference.CategoryService;
import org.xinfang.rules.Authority;
import org.xinfang.rules.CaseState;

/**
 * Registers petitions at this node and answers questions about them; routing a case down ({@link Assignments})
 * and the petitioner's own view and rating ({@link PublicAnswers}) are classes of their own.
 */
public final class RegistrationService implements PetitionService, HistoricRegister {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    /** The per-node sequence that numbers this node's petitions. */
    static final String PETITION_SEQUENCE = "petition";
    private static final int ATTEMPTS = 3;

    private final PetitionStore store;
    private final NodeService node;
    private final Clock clock;
    /** The reception days held here (领导接访日); null where none are kept. */
    private final ReceptionStore receptions;
    private final Codes codes = new Codes();
    /** Codes with their slow hash made ahead, in idle time (none unless configured: {@link #setCodesReady}). */
    private volatile CodeStock stock = new CodeStock(codes, 0);
    /** The managed list of problem categories a case is registered under; the shipped one where none is kept. */
    private final CategoryService categories;
    /** Routing a case to a unit below (交办). */
    private final Assignments assignments;
    /** What the petitioner reads and rates without a login. */
    private final PublicAnswers answers;

    public RegistrationService(PetitionStore store, NodeService node, String zone) {
        this(store, node, Clock.system(ZoneId.of(zone)), null);
    }

    public RegistrationService(PetitionStore store, NodeService node, ReceptionStore receptions, String zone) {
        this(store, node, Clock.system(ZoneId.of(zone)), receptions);
    }

    public RegistrationService(PetitionStore store, NodeService node, ReceptionStore receptions,
            CategoryService categories, String zone) {
        this(store, node, Clock.system(ZoneId.of(zone)), receptions, categories);
    }

    RegistrationService(PetitionStore store, NodeService node, Clock clock) {
        this(store, node, clock, null);
    }

    RegistrationService(PetitionStore store, NodeService node, Clock clock, ReceptionStore receptions) {
        this(store, node, clock, receptions, null);
    }

    RegistrationService(PetitionStore store, NodeService node, Clock clock, ReceptionStore receptions,
            CategoryService categories) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.receptions = receptions;
        this.categories = categories;
        this.assignments = new Assignments(store, node, clock);
        this.answers = new PublicAnswers(store, node, clock);
    }

    /**
     * Keeps {@code count} sets of codes ready, their slow hashes made by a low-priority thread (issue 16: the hash
     * is most of a registration's CPU). Blueprint calls it after construction; 0 keeps none.
     */
    public void setCodesReady(int count) {
        CodeStock old = stock;
        stock = new CodeStock(codes, Math.max(0, count));
        old.close();
    }

    /** Stops the thread that keeps codes ready. */
    public void close() {
        stock.close();
    }

    /** The category a new case is registered under: the name of the managed list's entry the draft names. */
    private String category(PetitionDraft draft) {
        if (draft.category() == null) {
            return null;
        }
        CategoryList list = categories == null ? CategoryRegistry.shippedList() : categories.list();
        return list.registeredAs(draft.category());
    }

    @Override
    public Registration register(PetitionDraft draft, Person actor) {
        return register(draft, actor, Attributes.NONE);
    }

    @Override
    public Registration register(PetitionDraft draft, Person actor, String receptionDay) {
        if (receptionDay == null || receptionDay.isBlank()) {
            return register(draft, actor, Attributes.NONE);
        }
        return register(draft, actor, receptionFacts(draft, receptionDay.strip()));
    }

    @Override
    public Registration register(PetitionDraft draft, Person actor, String receptionDay, String accusedUnit,
            String accusedPerson) {
        accusedUnit = accusedUnit == null || accusedUnit.isBlank() ? null : accusedUnit;
        accusedPerson = accusedPerson == null || accusedPerson.isBlank() ? null : accusedPerson;
        if (accusedUnit == null && accusedPerson == null) {
            return register(draft, actor, receptionDay);
        }
        String field = accusedUnit != null ? "accusedUnit" : "accusedPerson";
        if (draft.kind() != org.xinfang.petition.Kind.ACCUSATION) {
            throw new ValidationException(field, "not_accusation",
                    "只有检举控告类事项才记录被检举控告单位和人员 / only an accusation names whom it accuses");
        }
        Attributes.Builder facts = Attributes.builder();
        if (receptionDay != null && !receptionDay.isBlank()) {
            Attributes reception = receptionFacts(draft, receptionDay.strip());
            facts.put(Attr.RECEPTION_DAY, reception.get(Attr.RECEPTION_DAY));
            facts.put(Attr.RECEPTION_LEADER, reception.get(Attr.RECEPTION_LEADER));
        }
        if (accusedUnit != null) {
            String unit = Attr.ACCUSED_UNIT.parse(accusedUnit.strip(), "accusedUnit");
            if (node.units().get(unit).isEmpty()) {
                throw new ValidationException("accusedUnit", "unknown_unit",
                        "组织机构中没有这个单位：" + unit + " / no such unit in the tree: " + unit);
            }
            facts.put(Attr.ACCUSED_UNIT, unit);
        }
        if (accusedPerson != null) {
            facts.put(Attr.ACCUSED_PERSON, Attr.ACCUSED_PERSON.parse(accusedPerson.strip(), "accusedPerson"));
        }
        return register(draft, actor, facts.build());
    }

    @Override
    public Registration registerScreened(PetitionDraft draft, Person actor, String screeningItem) {
        if (!org.xinfang.screening.ScreeningReport.isItemId(screeningItem)) {
            throw new ValidationException("screeningItem", "invalid_value",
                    "不是矛盾纠纷排查事项编号：" + screeningItem + " / not a screening item id");
        }
        return register(draft, actor, Attributes.builder().put(Attr.SCREENING_ITEM, screeningItem).build());
    }

    /**
     * The facts a walk-in received during a leader reception session records: the session and the leader
     * who received the visitor (R2022 Art. 18). The session must be one of this node's unit, not cancelled,
     * on the day the matter was received.
     */
    private Attributes receptionFacts(PetitionDraft draft, String id) {
        String unit = node.info().unit().code();
        ReceptionDay day = receptions == null ? null : receptions.get(id).filter(d -> d.unit().equals(unit)).orElse(null);
        if (day == null) {
            throw new ValidationException("receptionDay", "unknown_reception_day",
                    "不是本单位的领导接访日：" + id + " / not a reception day of this unit: " + id);
        }
        if (draft.channel() != org.xinfang.petition.Channel.WALK_IN) {
            throw new ValidationException("receptionDay", "not_walk_in",
                    "只有来访事项才能记入领导接访日 / only a walk-in is received in a reception session");
        }
        if (day.status() == ReceptionStatus.CANCELLED) {
            throw new ValidationException("receptionDay", "cancelled",
                    "该领导接访日已取消 / this reception session was cancelled");
        }
        LocalDate received = draft.receivedAt() == null ? LocalDate.now(clock) : draft.receivedAt();
        if (!day.date().equals(received)) {
            throw new ValidationException("receptionDay", "other_day", "该领导接访日在 " + day.date() + "，不是收到日期 "
                    + received + " / the session is on " + day.date() + ", not on the day received (" + received + ")");
        }
        return Attributes.builder().put(Attr.RECEPTION_DAY, day.id()).put(Attr.RECEPTION_LEADER, day.leader().display())
                .build();
    }

    private Registration register(PetitionDraft draft, Person actor, Attributes facts) {
        LocalDate today = LocalDate.now(clock);
        LocalDate received = draft.receivedAt() == null ? today : draft.receivedAt();
        if (received.isAfter(today)) {
            throw new ValidationException("receivedAt", "in_future",
                    "收到日期不能晚于今天（" + today + "） / must not be after today (" + today + ")");
        }
        String category = category(draft);
        NodeInfo self = node.info();
        String unit = self.unit().code();
        for (int attempt = 1; ; attempt++) {
            // R2022 Art. 22: registered at receipt; the id needs no network, so an offline village can issue it. It
            // is numbered in the transaction that stores the case: a number is never skipped by a refused one
            String pending = unit + "-new";
            CodeStock.Issued issued = stock.next();
            String tracking = issued.tracking();
            String verification = issued.verification();
            Instant now = clock.instant();
            // 首问责任制: the registering clerk (the event's actor) is the first-contact owner until it is routed
            Event registered = new NewEvent(EventType.REGISTERED, actor, unit, self.nodeId(), now, facts, null)
                    .recorded(1, "new");
            Petition petition = new Petition(pending, tracking, draft.kind(), draft.channel(), draft.subject(),
                    draft.content(), category, draft.location(), received, draft.headcount(),
                    draft.petitioners(), unit, unit, Status.REGISTERED, now, List.of(registered));
            try {
                Petition stored = store.insertNumbered(petition, PETITION_SEQUENCE,
                        n -> unit + "-" + String.format("%07d", n), issued.hash(), self.nodeId());
                LOG.info("petition {} registered by {} ({} via {}{})", stored.id(), actor.login(), draft.kind(), draft.channel(),
                        facts.has(Attr.RECEPTION_DAY) ? ", reception day " + facts.get(Attr.RECEPTION_DAY) : "");
                return new Registration(stored, verification);
            } catch (PetitionStore.DuplicateException e) {
                // a tracking code collided (about one in 10^14): draw again
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("a registration at {} collided with a stored id or tracking code; retrying", unit);
            }
        }
    }

    @Override
    public Registration importClosed(PetitionDraft draft, HistoricCase facts, Person actor) {
        HistoricRegister.Result r = importClosed(List.of(new HistoricRegister.Item(draft, facts)), actor).get(0);
        if (r.refused() != null) {
            throw r.refused();
        }
        if (r.alreadyAs() != null) {
            throw new AlreadyImportedException(facts.source(), facts.sourceNumber(), null);
        }
        return r.registration();
    }

    @Override
    public List<HistoricRegister.Result> importClosed(List<HistoricRegister.Item> batch, Person actor) {
        NodeInfo self = node.info();
        String unit = self.unit().code();
        HistoricRegister.Result[] results = new HistoricRegister.Result[batch.size()];
        List<Integer> pending = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                checkHistoric(batch.get(i), unit);
                pending.add(i);
            } catch (ValidationException refused) {
                results[i] = new HistoricRegister.Result(null, null, refused);
            }
        }
        if (pending.isEmpty()) {
            return List.of(results);
        }
        // one block of ids and one transaction for the batch: an import's cost is its commits
        long first = store.nextSequences(PETITION_SEQUENCE, pending.size());
        Instant now = clock.instant();
        List<PetitionStore.Imported> cases = new java.util.ArrayList<>();
        List<String> verifications = new java.util.ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            String verification = codes.verificationCode();
            verifications.add(verification);
            cases.add(historic(batch.get(pending.get(k)), unit + "-" + String.format("%07d", first + k), verification,
                    actor, self, now));
        }
        try {
            List<Petition> stored = store.insertImported(cases, self.nodeId());
            for (int k = 0; k < pending.size(); k++) {
                results[pending.get(k)] = new HistoricRegister.Result(new Registration(stored.get(k), verifications.get(k)),
                        null, null);
            }
            LOG.debug("{} historic cases imported by {}", stored.size(), actor.login());
            return List.of(results);
        } catch (PetitionStore.DuplicateException someTaken) {
            // a row imported meanwhile (or a tracking code drawn twice): each on its own, keeping its id
        }
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            PetitionStore.Imported one = cases.get(k);
            String verification = verifications.get(k);
            for (int attempt = 1; ; attempt++) {
                try {
                    Petition stored = store.insertImported(List.of(one), self.nodeId()).get(0);
                    results[i] = new HistoricRegister.Result(new Registration(stored, verification), null, null);
                    break;
                } catch (AlreadyImportedException e) {
                    HistoricCase facts = batch.get(i).facts();
                    results[i] = new HistoricRegister.Result(null, store.importedIds(facts.source(),
                            List.of(facts.sourceNumber())).get(facts.sourceNumber()), null);
                    break;
                } catch (PetitionStore.DuplicateException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    verification = codes.verificationCode();
                    String id = unit + "-" + String.format("%07d", store.nextSequence(PETITION_SEQUENCE));
                    one = historic(batch.get(i), id, verification, actor, self, now);
                    LOG.warn("imported petition {} collided with a stored id or tracking code; retrying", id);
                }
            }
        }
        return List.of(results);
    }

    /** What a historic case must meet that needs this node: days not after today, in order; a unit within. */
    private void checkHistoric(HistoricRegister.Item item, String unit) {
        PetitionDraft draft = item.draft();
        HistoricCase facts = item.facts();
        LocalDate today = LocalDate.now(clock);
        if (draft.receivedAt() == null) {
            throw new ValidationException("receivedAt", "required", "历史事项须有登记日期 / a historic case needs its receipt day");
        }
        if (draft.receivedAt().isAfter(today)) {
            throw new ValidationException("receivedAt", "in_future",
                    "登记日期不能晚于今天（" + today + "） / must not be after today (" + today + ")");
        }
        if (facts.closedOn().isBefore(draft.receivedAt())) {
            throw new ValidationException("closedOn", "before_received", "办结日期不能早于登记日期（" + draft.receivedAt()
                    + "） / the closing day cannot precede the receipt (" + draft.receivedAt() + ")");
        }
        if (facts.responsibleUnit() != null && !node.units().isWithin(facts.responsibleUnit(), unit)) {
            throw new ValidationException("responsibleUnit", "not_within", "责任单位须为本单位或其下级单位：" + facts.responsibleUnit()
                    + " / the responsible unit must be this unit or one below it");
        }
    }

    /** A historic case as registered and closed at this node, checked against the authority table. */
    private PetitionStore.Imported historic(HistoricRegister.Item item, String id, String verification, Person actor,
            NodeInfo self, Instant now) {
        PetitionDraft draft = item.draft();
        HistoricCase facts = item.facts();
        String unit = self.unit().code();
        String tracking = codes.trackingCode();
        Event registered = new NewEvent(EventType.REGISTERED, actor, unit, self.nodeId(), now,
                facts.registrationFacts(), null).recorded(1, "new");
        // an old register's category is kept under the list's name when the list names it (retired ones too), else
        // as written: statistics count it as unmapped until the district makes it an alias
        String category = draft.category() == null ? null
                : (categories == null ? CategoryRegistry.shippedList() : categories.list()).find(draft.category())
                        .map(org.xinfang.reference.Category::name).orElse(draft.category());
        Petition petition = new Petition(id, tracking, draft.kind(), draft.channel(), draft.subject(), draft.content(),
                category, draft.location(), draft.receivedAt(), draft.headcount(), draft.petitioners(), unit, unit,
                Status.REGISTERED, now, List.of(registered));
        NewEvent closing = new NewEvent(EventType.ARCHIVED, actor, unit, self.nodeId(), now, facts.closingFacts(), null);
        // the same table every node applies: only an imported case, closed right after its registration
        Authority.check(CaseState.of(petition), closing, node.units());
        // the import hands no verification code to anyone: the case keeps one that no code matches (Codes.NO_CODE)
        return new PetitionStore.Imported(petition, Codes.NO_CODE, closing);
    }

    @Override
    public java.util.Map<String, String> importedIds(String source, java.util.Collection<String> sourceNumbers) {
        return store.importedIds(source, sourceNumbers);
    }

    @Override
    public Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor) {
        return assignments.assign(id, unit, note, actor, null);
    }

    @Override
    public Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor, Integer version) {
        return assignments.assign(id, unit, note, actor, version);
    }

    @Override
    public List<PetitionSummary> possibleRepeats(Petition petition) {
        return store.openWithIdNumbers(petition.petitioners().stream().map(p -> p.idNumber()).toList(), petition.id());
    }

    @Override
    public List<PetitionSummary> openCasesOf(java.util.Collection<String> idNumbers) {
        // normalised as registration stores them; a number that is not valid simply matches nothing
        List<String> valid = idNumbers.stream().filter(n -> n != null && !n.isBlank() && n.strip().length() <= 18)
                .map(n -> n.strip().toUpperCase()).distinct().limit(5).toList();
        return valid.isEmpty() ? List.of() : store.openWithIdNumbers(valid, null);
    }

    @Override
    public Optional<PetitionStore.Provenance> provenance(String id) {
        return store.provenance(id);
    }

    @Override
    public List<PetitionStore.Conflict> conflicts(String caseId, int limit) {
        return store.conflicts(caseId, limit);
    }

    @Override
    public Optional<Petition> get(String id) {
        return store.get(id);
    }

    @Override
    public Page<PetitionSummary> find(PetitionQuery query) {
        return store.find(withCategoryWords(query));
    }

    @Override
    public void eachSummary(PetitionQuery query, java.util.function.Consumer<PetitionSummary> each) {
        store.eachSummary(withCategoryWords(query), each);
    }

    private PetitionQuery withCategoryWords(PetitionQuery query) {
        if (query.categories() == null) {
            return query;
        }
        // a category of the managed list finds the cases registered under its name, its English name or an alias
        CategoryList list = categories == null ? CategoryRegistry.shippedList() : categories.list();
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String name : query.categories()) {
            org.xinfang.reference.Category c = list.find(name).orElseThrow(() -> new ValidationException("category",
                    "unknown_category", "「" + name + "」不在问题分类目录中 / not in the list of categories"));
            words.add(c.name());
            if (c.en() != null) {
                words.add(c.en());
            }
            words.addAll(c.aliases());
        }
        return query.withCategories(words);
    }

    @Override
    public Optional<PublicProgress> publicProgress(String trackingCode, String verificationCode) {
        return answers.progress(trackingCode, verificationCode);
    }

    @Override
    public PublicProgress rate(String trackingCode, String verificationCode, Rating rating, String comment) {
        return answers.rate(trackingCode, verificationCode, rating, comment);
    }
}
