package org.xinfang.portal;

import java.time.LocalDate;
import org.xinfang.petition.Status;

/**
 * What the petitioner is given for an online petition: the case's identity for the office, the two codes of the
 * progress query, and where it stands; nothing personal.
 *
 * @param caseId the case's id in the register (for staff and for public ids derived from it; never shown as such)
 * @param trackingCode 查询码
 * @param verificationCode 验证码, shown only this once: the node keeps only its hash
 * @param ownerName the unit in charge, by name
 */
public record OnlineReceipt(String caseId, String trackingCode, String verificationCode, LocalDate receivedAt,
        Status status, String statusLabel, String ownerName) {
}
