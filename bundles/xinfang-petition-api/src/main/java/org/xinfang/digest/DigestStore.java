package org.xinfang.digest;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The digests of this node, one per month. Each is kept with the document it is shown as: the JSON the API
 * serves, byte for byte, and the SHA-256 of those bytes. A signed digest's row is never written again, so
 * what was signed is what is shown, whatever cases arrive later.
 */
public interface DigestStore {

    /**
     * A digest and its document.
     *
     * @param digest the digest
     * @param document the JSON served for it, UTF-8, exactly as stored
     * @param sha256 the SHA-256 of {@code document}, lower-case hex
     */
    record Stored(Digest digest, byte[] document, String sha256) {
    }

    /**
     * Stores a new month's digest with its document.
     *
     * @throws DigestConflictException {@code EXISTS} when the month already has one
     */
    Stored insert(Digest digest, byte[] document);

    /**
     * Replaces the month's digest by {@code after} (its next version) and its document, under the row's lock.
     *
     * @throws DigestConflictException {@code SIGNED} when the stored digest is signed, {@code STALE} when its
     *     version is not the one before {@code after}'s
     * @throws org.xinfang.petition.NotFoundException when the month has no digest
     */
    Stored replace(Digest after, byte[] document);

    /** The month's digest, if any. */
    Optional<Stored> get(YearMonth month);

    /** Every digest held, newest month first. */
    List<Stored> list();
}
