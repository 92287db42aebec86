package org.xinfang.store.jdbc.internal;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.AttachmentLimits;
import org.xinfang.attachment.AttachmentStore;
import org.xinfang.attachment.FileTypes;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionStore.StoreException;
import org.xinfang.petition.ValidationException;

/**
 * {@link AttachmentStore} in portable SQL (the bytes in a {@code BLOB} on Derby, {@code BYTEA} on PostgreSQL). An
 * attachment's row, its bytes and its journal entry commit together; at a parent the fact arrives through
 * {@link Receiver} and the bytes piece by piece, each piece in its own transaction, so a broken link loses at most
 * the piece in flight.
 */
public final class JdbcAttachmentStore implements AttachmentStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAttachmentStore.class);
    private static final int MIN_PIECE = AttachmentLimits.MIN_PIECE_BYTES;
    private static final int MAX_PIECE = AttachmentLimits.MAX_PIECE_BYTES;
    private static final String UP_PENDING = "pending";

    private final DataSource dataSource;
    private final AttachmentLimits limits;

    public JdbcAttachmentStore(DataSource dataSource, long maxFileBytes, long maxCaseBytes) {
        this(dataSource, new AttachmentLimits(maxFileBytes, maxCaseBytes));
    }

    JdbcAttachmentStore(DataSource dataSource, AttachmentLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    @Override
    public AttachmentLimits limits() {
        return limits;
    }

    @Override
    public Attachment add(String caseId, String fileName, byte[] content, Person by, String unit, String node) {
        if (content == null || content.length == 0) {
            throw new ValidationException("file", "required", "请选择要上传的文件（文件为空）/ the file is empty");
        }
        if (content.length > limits.maxFileBytes()) {
            throw tooLarge(limits);
        }
        String type = FileTypes.detect(content).orElseThrow(() -> new ValidationException("file", "unsupported_type",
                "只接受 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与文件名无关）/ only JPEG, PNG or PDF files are accepted,"
                        + " judged by their content, not their name"));
        Attachment added = Sql.inTransaction(dataSource, "cannot attach a file to " + caseId, c -> {
            // the case's row lock first, then the journal's: two uploads to one case count their totals in turn
            if (!JdbcPetitionStore.lock(c, caseId)) {
                throw new NotFoundException("未找到编号为 " + caseId + " 的信访事项 / no petition with id " + caseId);
            }
            if (totalOf(c, caseId) + content.length > limits.maxCaseBytes()) {
                throw new ValidationException("file", "case_too_large", "本案附件合计不能超过 " + mib(limits.maxCaseBytes())
                        + "（已有 " + mib(totalOf(c, caseId)) + "）/ the attachments of a case may not exceed "
                        + mib(limits.maxCaseBytes()) + " in all");
            }
            long seq = Journal.nextOwn(c, node);
            Attachment a = new Attachment(node + "-" + seq, caseId, fileName, type, content.length, sha256(content),
                    Instant.ofEpochMilli(System.currentTimeMillis()), by, unit, node);
            insertRow(c, a, node, seq, true);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO xf_attachment_content (attachment_id, content) VALUES (?, ?)")) {
                ps.setString(1, a.id());
                ps.setBytes(2, content);
                ps.executeUpdate();
            }
            Journal.appendOwnAt(c, node, seq, AttachmentJson.ENTRY_TYPE, caseId, AttachmentJson.write(a),
                    a.addedAt().toEpochMilli());
            return a;
        });
        LOG.info("case {}: attachment {} ({}, {} bytes) added", caseId, added.id(), type, content.length);
        return added;
    }

    /** The refusal of a file over the per-file limit (field {@code file}, code {@code too_large}). */
    public static ValidationException tooLarge(AttachmentLimits limits) {
        return new ValidationException("file", "too_large", "单个文件不能超过 " + mib(limits.maxFileBytes())
                + " / a file may not exceed " + mib(limits.maxFileBytes()));
    }

    static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " B";
    }

    private static long totalOf(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(size_bytes) FROM xf_attachment WHERE petition_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void insertRow(Connection c, Attachment a, String origin, long seq, boolean complete)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_attachment (id, petition_id, file_name,"
                + " media_type, size_bytes, sha256, added_at, added_by, added_by_name, added_by_title, unit_code, node_id,"
                + " entry_origin, entry_seq, complete, piece_size, pieces_received, up_state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)")) {
            int i = 1;
            ps.setString(i++, a.id());
            ps.setString(i++, a.caseId());
            ps.setString(i++, a.fileName());
            ps.setString(i++, a.mediaType());
            ps.setLong(i++, a.size());
            ps.setString(i++, a.sha256());
            ps.setLong(i++, a.addedAt().toEpochMilli());
            ps.setString(i++, a.addedBy().login());
            Sql.setNullable(ps, i++, a.addedBy().name());
            Sql.setNullable(ps, i++, a.addedBy().title());
            ps.setString(i++, a.unit());
            ps.setString(i++, a.node());
            ps.setString(i++, origin);
            ps.setLong(i++, seq);
            ps.setInt(i++, complete ? 1 : 0);
            ps.setString(i, UP_PENDING);
            ps.executeUpdate();
        }
    }

    /**
     * Takes the fact of an attachment a child pushed, in the push's transaction: the case is held here (the caller
     * checked), the file and the case's total are within this node's limits. Returns why not, or null when taken.
     */
    static String receive(Connection c, Attachment a, String origin, long seq, AttachmentLimits limits)
            throws SQLException {
        if (a.size() > limits.maxFileBytes()) {
            return "附件 " + a.id() + " 超过单个文件上限 " + mib(limits.maxFileBytes()) + " / over the per-file limit";
        }
        if (totalOf(c, a.caseId()) + a.size() > limits.maxCaseBytes()) {
            return "案件 " + a.caseId() + " 的附件合计将超过上限 " + mib(limits.maxCaseBytes()) + " / over the per-case limit";
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM xf_attachment WHERE id = ?")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "附件 " + a.id() + " 已存在 / attachment " + a.id() + " is held already";
                }
            }
        }
        insertRow(c, a, origin, seq, false);
        return null;
    }

    private static final String SELECT = "SELECT id, petition_id, file_name, media_type, size_bytes, sha256, added_at,"
            + " added_by, added_by_name, added_by_title, unit_code, node_id, complete, piece_size, pieces_received,"
            + " entry_origin, entry_seq FROM xf_attachment";

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), new Person(rs.getString(8), rs.getString(9),
                        rs.getString(10)), rs.getString(11), rs.getString(12));
    }

    private static Held held(Connection c, ResultSet rs) throws SQLException {
        Attachment a = attachment(rs);
        boolean complete = rs.getInt(13) == 1;
        int pieceSize = rs.getInt(14);
        Integer size = rs.wasNull() ? null : pieceSize;
        int received = rs.getInt(15);
        int piecesHeld = 0;
        if (!complete) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM xf_attachment_piece WHERE attachment_id = ?")) {
                ps.setString(1, a.id());
                try (ResultSet n = ps.executeQuery()) {
                    n.next();
                    piecesHeld = n.getInt(1);
                }
            }
        } else if (size != null) {
            piecesHeld = pieces(a.size(), size);
        }
        return new Held(a, complete, piecesHeld, received, size);
    }

    static int pieces(long size, int pieceSize) {
        return (int) ((size + pieceSize - 1) / pieceSize);
    }

    @Override
    public List<Held> list(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE petition_id = ? ORDER BY added_at, id")) {
            ps.setString(1, caseId);
            List<Held> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(held(c, rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list the attachments of " + caseId, e);
        }
    }

    @Override
    public Optional<Held> get(String caseId, String id) {
        return transferState(id).filter(h -> h.attachment().caseId().equals(caseId));
    }

    @Override
    public Optional<Held> transferState(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(held(c, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read attachment " + id, e);
        }
    }

    @Override
    public Optional<byte[]> content(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT content FROM xf_attachment_content WHERE attachment_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read attachment " + id, e);
        }
    }

    @Override
    public PieceOutcome takePiece(String id, int pieceSize, int index, byte[] data) {
        if (pieceSize < MIN_PIECE || pieceSize > MAX_PIECE) {
            throw new ValidationException("pieceSize", "out_of_range", "分片大小应在 " + MIN_PIECE + " 至 " + MAX_PIECE
                    + " 字节之间 / the piece size must be between " + MIN_PIECE + " and " + MAX_PIECE + " bytes");
        }
        return Sql.inTransaction(dataSource, "cannot take a piece of attachment " + id, c -> {
            // counts the piece and takes the attachment's row lock: pieces of one file are taken in turn
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE xf_attachment SET pieces_received = pieces_received + 1 WHERE id = ?")) {
                ps.setString(1, id);
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("本级没有附件 " + id + " 的登记 / no attachment " + id + " is known here");
                }
            }
            Held h;
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    h = held(c, rs);
                }
            }
            if (h.complete()) {
                return PieceOutcome.COMPLETE;
            }
            if (h.pieceSize() != null && h.pieceSize() != pieceSize) {
                throw new ValidationException("pieceSize", "mismatch", "分片大小与已收到的分片不同（" + h.pieceSize()
                        + "）/ the pieces held here are of " + h.pieceSize() + " bytes");
            }
            long size = h.attachment().size();
            int total = pieces(size, pieceSize);
            if (index < 0 || index >= total) {
                throw new ValidationException("index", "out_of_range", "分片序号超出文件范围（共 " + total
                        + " 片）/ the file has " + total + " pieces");
            }
            long expected = Math.min(pieceSize, size - (long) index * pieceSize);
            if (data.length != expected) {
                throw new ValidationException("piece", "wrong_length", "第 " + index + " 片应为 " + expected
                        + " 字节，收到 " + data.length + " / piece " + index + " must be " + expected + " bytes");
            }
            if (h.pieceSize() == null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE xf_attachment SET piece_size = ? WHERE id = ?")) {
                    ps.setInt(1, pieceSize);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            boolean have;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM xf_attachment_piece WHERE attachment_id = ? AND piece_index = ?")) {
                ps.setString(1, id);
                ps.setInt(2, index);
                try (ResultSet rs = ps.executeQuery()) {
                    have = rs.next();
                }
            }
            if (!have) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO xf_attachment_piece (attachment_id, piece_index, data) VALUES (?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setInt(2, index);
                    ps.setBytes(3, data);
                    ps.executeUpdate();
                }
            }
            PieceOutcome outcome = h.piecesHeld() + (have ? 0 : 1) < total ? PieceOutcome.KEPT
                    : assemble(c, h.attachment(), total);
            return outcome;
        });
    }

    /** Every piece is here: the whole is kept if its SHA-256 is the fact's, else every piece is dropped. */
    private static PieceOutcome assemble(Connection c, Attachment a, int total) throws SQLException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream((int) a.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT piece_index, data FROM xf_attachment_piece"
                + " WHERE attachment_id = ? ORDER BY piece_index")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                int next = 0;
                while (rs.next()) {
                    if (rs.getInt(1) != next++) {
                        throw new IllegalStateException("pieces of " + a.id() + " are not contiguous");
                    }
                    whole.writeBytes(rs.getBytes(2));
                }
            }
        }
        byte[] content = whole.toByteArray();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM xf_attachment_piece WHERE attachment_id = ?")) {
            ps.setString(1, a.id());
            ps.executeUpdate();
        }
        if (content.length != a.size() || !sha256(content).equals(a.sha256())) {
            LOG.warn("attachment {}: the {} pieces do not match its SHA-256; discarded, to be sent again", a.id(), total);
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_attachment SET piece_size = NULL WHERE id = ?")) {
                ps.setString(1, a.id());
                ps.executeUpdate();
            }
            return PieceOutcome.DISCARDED;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xf_attachment_content (attachment_id, content) VALUES (?, ?)")) {
            ps.setString(1, a.id());
            ps.setBytes(2, content);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE xf_attachment SET complete = 1, up_state = ? WHERE id = ?")) {
            ps.setString(1, UP_PENDING);
            ps.setString(2, a.id());
            ps.executeUpdate();
        }
        LOG.info("attachment {} of case {} complete here ({} pieces, SHA-256 verified)", a.id(), a.caseId(), total);
        return PieceOutcome.COMPLETE;
    }

    @Override
    public List<Integer> piecesHeld(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT piece_index FROM xf_attachment_piece WHERE attachment_id = ? ORDER BY piece_index")) {
            ps.setString(1, id);
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the pieces of " + id, e);
        }
    }

    @Override
    public List<Pending> pendingUp(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE up_state = ? AND complete = 1 ORDER BY added_at, id FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY")) {
            ps.setString(1, UP_PENDING);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(attachment(rs), rs.getString(16), rs.getLong(17)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list the attachments to send", e);
        }
    }

    @Override
    public void markUp(String id, boolean sent) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE xf_attachment SET up_state = ? WHERE id = ?")) {
            ps.setString(1, sent ? "sent" : "refused");
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot mark attachment " + id, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
