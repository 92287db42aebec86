package org.xinfang.portal;

import org.xinfang.petition.PetitionDraft;

/**
 * The online petition (网上信访) under the portal's rules, for every public channel that takes one (the portal's
 * own form, Open311): registered as {@link org.xinfang.petition.Channel#ONLINE}, received today, counted by its
 * petitioners, by the online platform as first contact, and limited per client address with one budget for all
 * those channels. Published as an OSGi service by {@code xinfang-portal}.
 */
public interface OnlinePetitions {

    /**
     * Registers the petition. The draft's channel, receipt date and headcount are replaced by the online rules.
     *
     * @param client the client's address, which the rate limit counts
     * @return the codes the petitioner is given, the only time the verification code is ever shown
     * @throws org.xinfang.rest.support.TooManyRequests when this address has used up its online petitions for now
     * @throws org.xinfang.petition.ValidationException when the petition breaks a rule of the model
     */
    OnlineReceipt submit(PetitionDraft draft, String client);

    /**
     * As {@link #submit(PetitionDraft, String)}, for a 检举控告 that names whom it accuses (R2022 Art. 30, 46(5)): the
     * accused unit (a unit of the tree) and person are kept as the staff API keeps them, so that their staff never
     * read it. Either may be null; both null is {@link #submit(PetitionDraft, String)}.
     *
     * @throws org.xinfang.petition.ValidationException when they are named for another kind of petition, or the
     *         unit is not one of the tree
     */
    default OnlineReceipt submit(PetitionDraft draft, String client, String accusedUnit, String accusedPerson) {
        if (accusedUnit == null && accusedPerson == null) {
            return submit(draft, client);
        }
        throw new org.xinfang.petition.ValidationException("accusedUnit", "not_supported",
                "本平台不能登记被检举控告单位 / this platform records no accused unit");
    }
}
