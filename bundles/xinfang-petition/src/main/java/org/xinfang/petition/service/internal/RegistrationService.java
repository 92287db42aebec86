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
import org.xinfang.node.Unit;
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
import org.xinfang.petition.ValidationException;

/** Registers petitions at this node and answers questions about them. */
public final class RegistrationService implements PetitionService {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    /** The per-node sequence that numbers this node's petitions. */
    static final String PETITION_SEQUENCE = "petition";
    private static final int ATTEMPTS = 3;

    private final PetitionStore store;
    private final NodeService node;
    private final Clock clock;
    private final Codes codes = new Codes();

    public RegistrationService(PetitionStore store, NodeService node, String zone) {
        this(store, node, Clock.system(ZoneId.of(zone)));
    }

    RegistrationService(PetitionStore store, NodeService node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public Registration register(PetitionDraft draft, String actor) {
        LocalDate today = LocalDate.now(clock);
        LocalDate received = draft.receivedAt() == null ? today : draft.receivedAt();
        if (received.isAfter(today)) {
            throw new ValidationException("receivedAt", "in_future",
                    "收到日期不能晚于今天（" + today + "） / must not be after today (" + today + ")");
        }
        NodeInfo self = node.info();
        String unit = self.unit().code();
        for (int attempt = 1; ; attempt++) {
            // R2022 Art. 22: registered at receipt; the id needs no network, so an offline village can issue it
            String id = unit + "-" + String.format("%07d", store.nextSequence(PETITION_SEQUENCE));
            String tracking = codes.trackingCode();
            String verification = codes.verificationCode();
            Instant now = clock.instant();
            // 首问责任制: the registering clerk is the first-contact owner until the case is routed
            Event registered = new Event(1, now, "REGISTERED", actor, unit, self.nodeId(),
                    "首问责任人 / first-contact owner: " + actor);
            Petition petition = new Petition(id, tracking, draft.kind(), draft.channel(), draft.subject(),
                    draft.content(), draft.category(), draft.location(), received, draft.headcount(),
                    draft.petitioners(), unit, unit, Status.REGISTERED, now, List.of(registered));
            try {
                store.insert(petition, Codes.hash(tracking, verification), self.nodeId());
                LOG.info("petition {} registered by {} ({} via {})", id, actor, draft.kind(), draft.channel());
                return new Registration(petition, verification);
            } catch (PetitionStore.DuplicateException e) {
                // a tracking code collided (about one in 10^14): draw again
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("petition {} collided with a stored id or tracking code; retrying", id);
            }
        }
    }

    @Override
    public Petition assign(String id, String unit, String note, String actor) {
        NodeInfo self = node.info();
        String here = self.unit().code();
        Petition current = store.get(id).orElseThrow(
                () -> new NotFoundException("未找到编号为 " + id + " 的信访事项 / no petition with id " + id));
        if (!java.util.Set.of(Status.REGISTERED, Status.TRIAGED, Status.OBJECTED).contains(current.status())) {
            throw new org.xinfang.lifecycle.IllegalTransitionException(current.status(), null, "当前状态为「"
                    + current.status().label() + "」（" + current.status() + "），不能交办 / the case is "
                    + current.status() + "; assign is not allowed");
        }
        if (unit == null || unit.isBlank()) {
            throw new ValidationException("unit", "required", "请指定承办单位 / the unit to assign to is required");
        }
        Unit target = node.units().get(unit.strip()).orElseThrow(() -> new ValidationException("unit", "unknown_unit",
                "组织机构中没有单位 " + unit + " / no unit " + unit + " in the organisation tree"));
        if (target.code().equals(here) || !node.units().isWithin(target.code(), here)) {
            throw new ValidationException("unit", "not_below",
                    "只能交办给本单位的下级单位 / a case can only be assigned to a unit below " + here);
        }
        if (target.code().equals(current.owner())) {
            throw new ValidationException("unit", "already_owner",
                    "该单位已是责任单位 / that unit already owns the case");
        }
        // the child of this node on the way to the target: the message goes there first
        String childOnPath = node.units().childToward(here, target.code()).map(Unit::code).orElseThrow();
        String text = "交办至 / assigned to " + target.name() + (note == null || note.isBlank() ? "" : "：" + note.strip());
        Petition after = store.update(id, new PetitionStore.Change(target.code(), Status.TRIAGED, "ASSIGNED", actor,
                here, self.nodeId(), text, clock.instant()),
                new PetitionStore.Downward(childOnPath, target.code(), "CASE"));
        LOG.info("petition {} assigned to {} by {}", id, target.code(), actor);
        return after;
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
    public Optional<Petition> get(String id) {
        return store.get(id);
    }

    @Override
    public Page<PetitionSummary> find(PetitionQuery query) {
        return store.find(query);
    }

    @Override
    public Optional<PublicProgress> publicProgress(String trackingCode, String verificationCode) {
        if (trackingCode == null || verificationCode == null || trackingCode.length() > 40
                || verificationCode.length() > 40) {
            return Optional.empty();
        }
        return store.findByTrackingCode(trackingCode.strip().toUpperCase())
                .filter(t -> Codes.matches(t.petition().trackingCode(), verificationCode.strip(), t.verificationHash()))
                .map(t -> progress(t.petition()));
    }

    /** The results a petitioner rates: the written opinions and a mediation agreement. */
    private static final java.util.Set<String> RESULTS = java.util.Set.of("DECIDED", "REVIEWED", "REREVIEWED", "MEDIATED");
    private static final int MAX_COMMENT = 500;

    @Override
    public PublicProgress rate(String trackingCode, String verificationCode, Rating rating, String comment) {
        if (rating == null) {
            throw new ValidationException("rating", "invalid_value",
                    "请选择满意、基本满意或不满意 / choose SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        String remark = comment == null ? "" : comment.strip();
        if (remark.length() > MAX_COMMENT) {
            throw new ValidationException("comment", "too_long",
                    "评价意见不能超过" + MAX_COMMENT + "字 / at most " + MAX_COMMENT + " characters");
        }
        Petition p = publicProgress(trackingCode, verificationCode).flatMap(found -> store.findByTrackingCode(
                found.trackingCode())).map(PetitionStore.Tracked::petition).orElseThrow(() -> new NotFoundException(
                "未找到与该查询码和验证码相符的信访事项 / no petition matches these codes"));
        if (!rateable(p)) {
            boolean anyResult = p.timeline().stream().anyMatch(e -> RESULTS.contains(e.type()));
            throw new org.xinfang.lifecycle.IllegalTransitionException(p.status(), null, anyResult
                    ? "本次处理结果已评价过 / this result has been rated already"
                    : "尚未出具处理意见，暂不能评价 / there is no result to rate yet");
        }
        NodeInfo self = node.info();
        String here = self.unit().code();
        String note = "满意度评价 / rating：" + rating.label() + " (" + rating.name() + ")"
                + (remark.isEmpty() ? "" : "。意见 / comment：" + remark);
        // the unit that handled the case learns how it was rated (目标管理, R2022 Art. 38-39)
        PetitionStore.Downward down = !p.owner().equals(here) && node.units().isWithin(p.owner(), here)
                ? node.units().childToward(here, p.owner()).map(c -> new PetitionStore.Downward(c.code(), p.owner(), "CASE"))
                        .orElse(null)
                : null;
        Petition after = store.update(p.id(), new PetitionStore.Change(p.owner(), p.status(), "RATED", "信访人 / petitioner",
                here, self.nodeId(), note, clock.instant()), down);
        LOG.info("petition {} rated {} by the petitioner", p.id(), rating);
        return progress(after);
    }

    /** Whether the latest result has been issued and not yet rated. */
    private static boolean rateable(Petition p) {
        boolean result = false;
        for (Event e : p.timeline()) {
            if (RESULTS.contains(e.type())) {
                result = true;
            } else if (e.type().equals("RATED")) {
                result = false;
            }
        }
        return result;
    }

    private static Rating latestRating(Petition p) {
        Rating rating = null;
        for (Event e : p.timeline()) {
            if (RESULTS.contains(e.type())) {
                rating = null;
            } else if (e.type().equals("RATED") && e.note() != null) {
                int open = e.note().lastIndexOf('(');
                int close = e.note().indexOf(')', open + 1);
                rating = open < 0 || close < 0 ? null : Rating.parse(e.note().substring(open + 1, close));
            }
        }
        return rating;
    }

    private PublicProgress progress(Petition p) {
        ZoneId zone = clock.getZone();
        List<PublicProgress.Step> steps = p.timeline().stream()
                .map(e -> new PublicProgress.Step(LocalDate.ofInstant(e.at(), zone), e.type(), publicLabel(e.type()),
                        publicNotice(e)))
                .toList();
        String ownerName = node.units().get(p.owner()).map(Unit::name).orElse(p.owner());
        return new PublicProgress(p.trackingCode(), p.kind(), p.kind().label(), p.subject(), p.receivedAt(),
                p.status(), p.status().label(), ownerName, steps, latestRating(p), rateable(p));
    }

    /** Steps whose note is a notice the petitioner is owed (R2022 Art. 22, 23, 32, 34-36). */
    private static final java.util.Set<String> NOTICES = java.util.Set.of("REDIRECTED", "NOT_ACCEPTED", "LINKED", "ACCEPTED",
            "EXTENDED", "DECIDED", "REVIEWED", "REREVIEWED", "MEDIATED");

    private static String publicNotice(Event e) {
        if (!NOTICES.contains(e.type()) || e.note() == null) {
            return null;
        }
        int signOff = e.note().indexOf("｜签批");
        return signOff < 0 ? e.note() : e.note().substring(0, signOff);
    }

    private static String publicLabel(String type) {
        return switch (type) {
            case "REGISTERED" -> "已登记 / registered";
            case "ASSIGNED" -> "已交办承办单位 / assigned to the competent unit";
            case "REDIRECTED" -> "已告知通过其他法定途径解决 / directed to another statutory channel";
            case "NOT_ACCEPTED" -> "不予受理，已告知理由 / not accepted; the reason was given";
            case "LINKED" -> "与正在办理的同一事项合并办理 / joined to the same matter already being handled";
            case "ACCEPTED" -> "已受理，已出具受理告知书 / accepted; acceptance notice issued";
            case "OBJECTED" -> "承办单位提出异议，重新分流 / returned for triage";
            case "EXTENDED" -> "办理期限已延长，已告知理由 / handling period extended; the reason was given";
            case "DECIDED" -> "已出具信访处理意见书 / written decision issued";
            case "MEDIATED" -> "经调解达成协议 / settled by mediation";
            case "REVIEW_REQUESTED" -> "已申请复查 / review requested";
            case "REVIEWED" -> "已出具复查意见 / review decided";
            case "REREVIEW_REQUESTED" -> "已申请复核 / re-review requested";
            case "HEARING_STARTED" -> "听证中 / hearing in progress";
            case "HEARING_ENDED" -> "听证结束 / hearing ended";
            case "REREVIEWED" -> "已出具复核意见 / re-review decided";
            case "TERMINATED" -> "信访事项已终结 / concluded";
            case "RATED" -> "信访人已评价 / rated by the petitioner";
            case "SUPERVISED" -> "上级机关已督办 / supervised by the level above";
            default -> type;
        };
    }
}
