package org.xinfang.petition.service.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Documents;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PublicProgress;
import org.xinfang.petition.Rating;
import org.xinfang.petition.ValidationException;
import org.xinfang.rules.Authority;
import org.xinfang.rules.CaseState;

/**
 * What a petitioner reads and does without a login, by tracking code and verification code: the case's public
 * progress (its steps in their words, the documents addressed to them, never another person's data) and the rating
 * of its result (R2022 Art. 37).
 */
final class PublicAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(PublicAnswers.class);
    private static final int ATTEMPTS = 3;

    private final PetitionStore store;
    private final NodeService node;
    private final Clock clock;

    PublicAnswers(PetitionStore store, NodeService node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    Optional<PublicProgress> progress(String trackingCode, String verificationCode) {
        if (trackingCode == null || verificationCode == null || trackingCode.length() > 40
                || verificationCode.length() > 40) {
            return Optional.empty();
        }
        return store.findByTrackingCode(trackingCode.strip().toUpperCase())
                .filter(t -> Codes.matches(t.petition().trackingCode(), verificationCode.strip(), t.verificationHash()))
                .map(t -> progress(t.petition()));
    }

    PublicProgress rate(String trackingCode, String verificationCode, Rating rating, String comment) {
        if (rating == null) {
            throw new ValidationException("rating", "invalid_value",
                    "请选择满意、基本满意或不满意 / choose SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        Attributes attrs = Attributes.builder().put(Attr.LEVEL, rating)
                .parse(Attr.COMMENT, comment, "comment").build();
        for (int attempt = 1; ; attempt++) {
            Petition p = progress(trackingCode, verificationCode).flatMap(found -> store.findByTrackingCode(
                    found.trackingCode())).map(PetitionStore.Tracked::petition).orElseThrow(() -> new NotFoundException(
                    "未找到与该查询码和验证码相符的信访事项 / no petition matches these codes"));
            CaseState state = CaseState.of(p);
            if (!state.rateable()) {
                boolean anyResult = p.timeline().stream().anyMatch(e -> e.type().isResult());
                throw new org.xinfang.lifecycle.IllegalTransitionException(p.status(), null, anyResult
                        ? "本次处理结果已评价过 / this result has been rated already"
                        : "尚未出具处理意见，暂不能评价 / there is no result to rate yet");
            }
            NodeInfo self = node.info();
            NewEvent event = new NewEvent(EventType.RATED, Person.PETITIONER, self.unit().code(), self.nodeId(),
                    clock.instant(), attrs, null);
            Authority.check(state, event, node.units());
            try {
                // the holders of a copy, the unit that handled it among them, learn how it was rated
                Petition after = store.append(p.id(), p.version(), event, Assignments.holdersAfter(node, p, state, event));
                LOG.info("petition {} rated {} by the petitioner", p.id(), rating);
                return progress(after);
            } catch (org.xinfang.petition.VersionConflictException moved) {
                if (attempt == ATTEMPTS) {
                    throw moved;
                }
                // a staff step came in between: check the rating again on the case as it is now
            }
        }
    }

    private static Rating latestRating(Petition p) {
        Rating rating = null;
        for (Event e : p.timeline()) {
            if (e.type().isResult()) {
                rating = null;
            } else if (e.type() == EventType.RATED) {
                rating = e.attrs().get(Attr.LEVEL);
            }
        }
        return rating;
    }

    private PublicProgress progress(Petition p) {
        ZoneId zone = clock.getZone();
        List<PublicProgress.Step> steps = p.timeline().stream().filter(e -> publicLabel(e.type()) != null)
                .map(e -> new PublicProgress.Step(LocalDate.ofInstant(e.at(), zone), e.type().name(),
                        publicLabel(e.type()), Documents.forPetitioner(e, p.kind(), this::unitName)))
                .toList();
        return new PublicProgress(p.trackingCode(), p.kind(), p.kind().label(), p.subject(), p.receivedAt(),
                p.status(), p.status().label(), unitName(p.owner()), steps, latestRating(p), CaseState.of(p).rateable(),
                org.xinfang.petition.OfficialDocument.forPublic(p, new org.xinfang.petition.OfficialDocument.Units() {
                    @Override
                    public String name(String code) {
                        return unitName(code);
                    }

                    @Override
                    public String parent(String code) {
                        return node.units().get(code).map(Unit::parent).orElse(null);
                    }
                }));
    }

    private String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    /** What each step means to the petitioner; null for the office's internal steps. */
    private static String publicLabel(EventType type) {
        return org.xinfang.petition.PublicSteps.label(type);
    }
}
