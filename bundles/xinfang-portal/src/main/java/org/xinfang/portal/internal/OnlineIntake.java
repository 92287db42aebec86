package org.xinfang.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PublicProgress;
import org.xinfang.petition.Registration;
import org.xinfang.portal.OnlinePetitions;
import org.xinfang.portal.OnlineReceipt;
import org.xinfang.rest.support.RateLimiter;
import org.xinfang.rest.support.TooManyRequests;

/** The online petition's rules in one place: the portal's form and Open311 both register through it. */
public final class OnlineIntake implements OnlinePetitions {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineIntake.class);
    /** Who registers an online petition: the first-contact owner until the office routes it. */
    static final org.xinfang.petition.Person ONLINE_ACTOR = new org.xinfang.petition.Person("online", "网上信访平台", null);
    static final String TOO_MANY_PETITIONS = "提交过于频繁，请稍后再试，或通过来电、来信、来访反映。"
            + " / Too many petitions from this address; please try again later, or call, write or visit us.";

    private final PetitionService petitions;
    private final RateLimiter limiter;

    /** @param limiter online petitions allowed per client address, one budget for every public channel */
    public OnlineIntake(PetitionService petitions, RateLimiter limiter) {
        this.petitions = petitions;
        this.limiter = limiter;
    }

    @Override
    public OnlineReceipt submit(PetitionDraft draft, String client) {
        return submit(draft, client, null, null);
    }

    @Override
    public OnlineReceipt submit(PetitionDraft draft, String client, String accusedUnit, String accusedPerson) {
        // the online rules: channel 网上, received today (the node's clock), counted by its petitioners
        PetitionDraft online = new PetitionDraft(draft.kind(), Channel.ONLINE, draft.subject(), draft.content(),
                draft.category(), draft.location(), null, null, draft.petitioners());
        if (!limiter.tryAcquire(client)) {
            LOG.warn("online petition refused: {} reached the rate limit", client);
            throw new TooManyRequests(TOO_MANY_PETITIONS, limiter.retryAfter(client).toSeconds());
        }
        Registration r;
        try {
            // a 检举控告 names whom it accuses as at a desk: checked by the same rules (a unit of the tree, an accusation)
            r = petitions.register(online, ONLINE_ACTOR, null, accusedUnit, accusedPerson);
        } catch (RuntimeException e) {
            limiter.release(client);
            throw e;
        }
        String tracking = r.petition().trackingCode();
        PublicProgress progress = petitions.publicProgress(tracking, r.verificationCode()).orElse(null);
        return new OnlineReceipt(r.petition().id(), tracking, r.verificationCode(), r.petition().receivedAt(),
                r.petition().status(), progress == null ? r.petition().status().label() : progress.statusLabel(),
                progress == null ? r.petition().owner() : progress.ownerName());
    }
}
