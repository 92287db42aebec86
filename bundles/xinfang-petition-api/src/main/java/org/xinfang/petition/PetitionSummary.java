package org.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a petition list: enough to find and open a case, without its content or timeline. */
public record PetitionSummary(String id, String trackingCode, Kind kind, Channel channel, String subject,
        String category, LocalDate receivedAt, String registeredBy, String owner, Status status,
        Instant registeredAt, String firstPetitioner) {
}
