package org.xinfang.digest;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import org.xinfang.petition.Checks;
import org.xinfang.petition.Person;

/**
 * One month's digest (信访摘报) of the cases held by this node: the figures generated from the statistics
 * (a JSON object, fixed when generated), the office's text beside them, and the sign-off. A draft changes
 * by whole new versions; a signed digest never changes again.
 *
 * @param month the month the figures count (cases received in it)
 * @param status draft or signed
 * @param version 1 when generated, one more with every change
 * @param figures the generated figures, a JSON object (see docs/digest.md)
 * @param highlights 本月要情, the office's summary of the month (at most {@link #MAX_HIGHLIGHTS})
 * @param analysis 分析研判 (at most {@link #MAX_ANALYSIS})
 * @param suggestions 工作建议 (at most {@link #MAX_SUGGESTIONS})
 * @param generatedBy who generated (or last refreshed) the figures
 * @param generatedAt when the figures were counted
 * @param editedBy who last wrote the text, null before anyone did
 * @param editedAt when, null before anyone did
 * @param signedBy the leader who signed it off, named with title; null while a draft
 * @param signedAt when it was signed off; null while a draft
 */
public record Digest(YearMonth month, DigestStatus status, int version, String figures, String highlights,
        String analysis, String suggestions, Person generatedBy, Instant generatedAt, Person editedBy,
        Instant editedAt, Person signedBy, Instant signedAt) {
    /** Longest 本月要情. */
    public static final int MAX_HIGHLIGHTS = 3000;
    /** Longest 分析研判. */
    public static final int MAX_ANALYSIS = 5000;
    /** Longest 工作建议. */
    public static final int MAX_SUGGESTIONS = 3000;

    public Digest {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        if (version < 1) {
            throw new IllegalArgumentException("a digest's version starts at 1: " + version);
        }
        if (figures == null || !figures.startsWith("{")) {
            throw new IllegalArgumentException("the figures must be a JSON object");
        }
        highlights = Checks.optionalText("highlights", highlights, MAX_HIGHLIGHTS);
        analysis = Checks.optionalText("analysis", analysis, MAX_ANALYSIS);
        suggestions = Checks.optionalText("suggestions", suggestions, MAX_SUGGESTIONS);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if ((editedBy == null) != (editedAt == null)) {
            throw new IllegalArgumentException("who edited and when go together");
        }
        if (status == DigestStatus.SIGNED) {
            Objects.requireNonNull(signedBy, "signedBy");
            Objects.requireNonNull(signedAt, "signedAt");
            if (!signedBy.named()) {
                throw new IllegalArgumentException("a digest is signed off by a person named with title");
            }
        } else if (signedBy != null || signedAt != null) {
            throw new IllegalArgumentException("a draft has no sign-off");
        }
    }

    /** A new draft of {@code month} with freshly generated figures and no text yet. */
    public static Digest draft(YearMonth month, String figures, Person by, Instant at) {
        return new Digest(month, DigestStatus.DRAFT, 1, figures, null, null, null, by, at, null, null, null, null);
    }

    /** Whether the digest is signed (fixed). */
    public boolean signed() {
        return status == DigestStatus.SIGNED;
    }

    /** The draft with the office's text replaced (blank fields become empty). */
    public Digest edited(String newHighlights, String newAnalysis, String newSuggestions, Person by, Instant at) {
        requireDraft();
        return new Digest(month, status, version + 1, figures, newHighlights, newAnalysis, newSuggestions,
                generatedBy, generatedAt, by, at, null, null);
    }

    /** The draft with its figures counted again; the text stays. */
    public Digest regenerated(String newFigures, Person by, Instant at) {
        requireDraft();
        return new Digest(month, status, version + 1, newFigures, highlights, analysis, suggestions, by, at,
                editedBy, editedAt, null, null);
    }

    /** The draft signed off by {@code leader}: fixed from now on. */
    public Digest signedOff(Person leader, Instant at) {
        requireDraft();
        return new Digest(month, DigestStatus.SIGNED, version + 1, figures, highlights, analysis, suggestions,
                generatedBy, generatedAt, editedBy, editedAt, leader, at);
    }

    private void requireDraft() {
        if (signed()) {
            throw new DigestConflictException(DigestConflictException.Reason.SIGNED,
                    "摘报已签发，不能再修改 / the digest of " + month + " is signed and cannot change");
        }
    }
}
