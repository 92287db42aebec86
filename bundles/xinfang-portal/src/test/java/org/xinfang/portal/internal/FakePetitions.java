package org.xinfang.portal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Event;
import org.xinfang.petition.NotFoundException;
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

/** A petition service that keeps what it is given in memory: one case, one pair of codes. */
final class FakePetitions implements PetitionService {
    static final String TRACKING = "ABCDE23456";
    static final String CODE = "123456";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    final List<PetitionDraft> drafts = new ArrayList<>();
    final List<org.xinfang.petition.Person> actors = new ArrayList<>();
    RuntimeException failRegistration;
    boolean decided;
    Rating rating;
    String comment;

    @Override
    public Registration register(PetitionDraft draft, org.xinfang.petition.Person actor) {
        if (failRegistration != null) {
            throw failRegistration;
        }
        drafts.add(draft);
        actors.add(actor);
        LocalDate received = draft.receivedAt() == null ? TODAY : draft.receivedAt();
        Petition p = new Petition("QX-0000001", TRACKING, draft.kind(), draft.channel(), draft.subject(),
                draft.content(), draft.category(), draft.location(), received, draft.headcount(), draft.petitioners(),
                "QX", "QX", Status.REGISTERED, Instant.parse("2026-11-20T02:00:00Z"),
                List.of(new Event(1, "qx-node#1", Instant.parse("2026-11-20T02:00:00Z"),
                        org.xinfang.petition.EventType.REGISTERED, actor, "QX", "qx-node", null, null)));
        return new Registration(p, CODE);
    }

    @Override
    public Optional<PublicProgress> publicProgress(String trackingCode, String verificationCode) {
        if (!TRACKING.equals(trackingCode) || !CODE.equals(verificationCode)) {
            return Optional.empty();
        }
        return Optional.of(progress());
    }

    private PublicProgress progress() {
        List<PublicProgress.Step> steps = new ArrayList<>();
        steps.add(new PublicProgress.Step(TODAY, "REGISTERED", "已登记 / registered", null));
        if (decided) {
            steps.add(new PublicProgress.Step(TODAY.plusDays(20), "DECIDED", "已出具信访处理意见书 / written decision issued",
                    "经调查，支持您的请求。"));
        }
        if (rating != null) {
            steps.add(new PublicProgress.Step(TODAY.plusDays(21), "RATED", "信访人已评价 / rated by the petitioner", null));
        }
        return new PublicProgress(TRACKING, org.xinfang.petition.Kind.CLAIM, "申诉求决", "拖欠工资", TODAY,
                decided ? Status.DECIDED : Status.REGISTERED, decided ? "已答复" : "已登记", "青溪区信访局", steps, rating,
                decided && rating == null);
    }

    @Override
    public PublicProgress rate(String trackingCode, String verificationCode, Rating rating, String comment) {
        if (publicProgress(trackingCode, verificationCode).isEmpty()) {
            throw new NotFoundException("未找到与该查询码和验证码相符的信访事项 / no petition matches these codes");
        }
        if (!decided || this.rating != null) {
            throw new IllegalTransitionException(decided ? Status.DECIDED : Status.REGISTERED, null,
                    decided ? "本次处理结果已评价过 / this result has been rated already"
                            : "尚未出具处理意见，暂不能评价 / there is no result to rate yet");
        }
        this.rating = rating;
        this.comment = comment;
        return progress();
    }

    @Override
    public Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Petition assign(String id, String unit, String note, org.xinfang.petition.Actor actor,
            Integer version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PetitionStore.Conflict> conflicts(String caseId, int limit) {
        return List.of();
    }

    @Override
    public List<PetitionSummary> possibleRepeats(Petition petition) {
        return List.of();
    }

    @Override
    public List<PetitionSummary> openCasesOf(Collection<String> idNumbers) {
        return List.of();
    }

    @Override
    public Optional<PetitionStore.Provenance> provenance(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<Petition> get(String id) {
        return Optional.empty();
    }

    @Override
    public void eachSummary(PetitionQuery query, java.util.function.Consumer<PetitionSummary> each) {
        find(query).items().forEach(each);
    }

    @Override
    public Page<PetitionSummary> find(PetitionQuery query) {
        throw new UnsupportedOperationException();
    }
}
