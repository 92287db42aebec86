package org.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered petition: the draft as received plus its identity, ownership, status and timeline.
 *
 * @param id globally unique without coordination: the registering node's unit code and its sequence
 * @param trackingCode the public code the petitioner uses with the verification code to query progress
 * @param registeredBy the unit that registered it
 * @param owner the unit that owns it now
 * @param registeredAt when it was registered (UTC)
 * @param timeline its events, oldest first
 */
public record Petition(String id, String trackingCode, Kind kind, Channel channel, String subject, String content,
        String category, String location, LocalDate receivedAt, int headcount, List<Petitioner> petitioners,
        String registeredBy, String owner, Status status, Instant registeredAt, List<Event> timeline) {

    public Petition {
        Checks.text("id", id, 60);
        Checks.text("trackingCode", trackingCode, 20);
        Checks.required("kind", kind);
        Checks.required("channel", channel);
        Checks.required("receivedAt", receivedAt);
        Checks.text("registeredBy", registeredBy, 40);
        Checks.text("owner", owner, 40);
        Checks.required("status", status);
        Checks.required("registeredAt", registeredAt);
        petitioners = List.copyOf(petitioners);
        timeline = List.copyOf(timeline);
    }

    /** The case's version: how many events it has. A step is applied against the version it was checked on. */
    public int version() {
        return timeline.size();
    }
}
