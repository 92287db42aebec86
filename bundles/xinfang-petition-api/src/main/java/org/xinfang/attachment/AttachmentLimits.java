package org.xinfang.attachment;

/**
 * How large attachments may be (etc/org.xinfang.attachments.cfg): per file and per case, the same at the node
 * where a file is attached and at every node it travels to, which refuses more.
 *
 * @param maxFileBytes the largest file ({@code max.file.bytes}, 10 MiB by default)
 * @param maxCaseBytes the most bytes attached to one case in all ({@code max.case.bytes}, 50 MiB by default)
 */
public record AttachmentLimits(long maxFileBytes, long maxCaseBytes) {
    /** The smallest piece a sender may cut a file in (tests cut a small file in many). */
    public static final int MIN_PIECE_BYTES = 1024;
    /** The largest piece one call may carry. */
    public static final int MAX_PIECE_BYTES = 4 << 20;
    /** 10 MiB per file, 50 MiB per case. */
    public static final AttachmentLimits DEFAULT = new AttachmentLimits(10L << 20, 50L << 20);

    public AttachmentLimits {
        if (maxFileBytes < 1 || maxCaseBytes < maxFileBytes) {
            throw new IllegalArgumentException("limits: a file at least 1 byte, a case at least one file");
        }
    }
}
