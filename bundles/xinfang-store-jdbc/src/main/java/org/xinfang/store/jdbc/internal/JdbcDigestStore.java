package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.digest.Digest;
import org.xinfang.digest.DigestConflictException;
import org.xinfang.digest.DigestConflictException.Reason;
import org.xinfang.digest.DigestStatus;
import org.xinfang.digest.DigestStore;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.PetitionStore.StoreException;

/**
 * {@link DigestStore} in portable SQL, in the petition store's database (the store's migrations create its
 * table). The document is stored as the bytes given and read back as stored; its hash is computed here, when
 * it is written. A signed row is refused any further write, by the check under the row lock and by the
 * {@code digest_status = 'DRAFT'} condition of the update itself.
 */
public final class JdbcDigestStore implements DigestStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDigestStore.class);
    private static final String COLUMNS = "payload_utf8, document_utf8, document_sha256";

    private final DataSource dataSource;

    public JdbcDigestStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Stored insert(Digest digest, byte[] document) {
        String hash = sha256(document);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xf_digest (digest_month, digest_status, digest_version, payload_utf8, document_utf8,"
                        + " document_sha256, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, digest.month().toString());
            ps.setString(2, digest.status().name());
            ps.setInt(3, digest.version());
            ps.setBytes(4, DigestJson.write(digest).getBytes(StandardCharsets.UTF_8));
            ps.setBytes(5, document);
            ps.setString(6, hash);
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
            LOG.info("digest of {} generated, version {}", digest.month(), digest.version());
            return new Stored(digest, document.clone(), hash);
        } catch (SQLException e) {
            if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DigestConflictException(Reason.EXISTS, digest.month() + " 的摘报已生成，可刷新数据或编辑 / the digest of "
                        + digest.month() + " exists already: regenerate or edit it");
            }
            throw new StoreException("cannot store the digest of " + digest.month(), e);
        }
    }

    @Override
    public Stored replace(Digest after, byte[] document) {
        String month = after.month().toString();
        String hash = sha256(document);
        Stored stored = Sql.inTransaction(dataSource, "cannot change the digest of " + month, c -> {
            // the row lock first: two changes of one month queue here and the second sees the first
            try (PreparedStatement lock = c.prepareStatement(
                    "UPDATE xf_digest SET digest_version = digest_version WHERE digest_month = ?")) {
                lock.setString(1, month);
                if (lock.executeUpdate() == 0) {
                    throw new NotFoundException(month + " 尚未生成摘报 / no digest of " + month);
                }
            }
            Digest before = read(c, after.month()).orElseThrow().digest();
            if (before.signed()) {
                throw new DigestConflictException(Reason.SIGNED, month + " 的摘报已签发，不能再修改 / the digest of "
                        + month + " is signed and cannot change");
            }
            if (after.version() != before.version() + 1) {
                throw new DigestConflictException(Reason.STALE, "摘报已被他人修改（现为第" + before.version()
                        + "版），请刷新后重试 / the digest changed meanwhile (now version " + before.version()
                        + "): reload and try again");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE xf_digest SET digest_status = ?,"
                    + " digest_version = ?, payload_utf8 = ?, document_utf8 = ?, document_sha256 = ?, changed_at = ?"
                    + " WHERE digest_month = ? AND digest_version = ? AND digest_status = ?")) {
                ps.setString(1, after.status().name());
                ps.setInt(2, after.version());
                ps.setBytes(3, DigestJson.write(after).getBytes(StandardCharsets.UTF_8));
                ps.setBytes(4, document);
                ps.setString(5, hash);
                ps.setLong(6, System.currentTimeMillis());
                ps.setString(7, month);
                ps.setInt(8, before.version());
                ps.setString(9, DigestStatus.DRAFT.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("the digest of " + month + " changed under its lock");
                }
            }
            return new Stored(after, document.clone(), hash);
        });
        LOG.info("digest of {} now version {} ({})", month, after.version(), after.status());
        return stored;
    }

    @Override
    public Optional<Stored> get(YearMonth month) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, month);
        } catch (SQLException e) {
            throw new StoreException("cannot read the digest of " + month, e);
        }
    }

    @Override
    public List<Stored> list() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM xf_digest ORDER BY digest_month DESC");
                ResultSet rs = ps.executeQuery()) {
            List<Stored> all = new ArrayList<>();
            while (rs.next()) {
                all.add(stored(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new StoreException("cannot list the digests", e);
        }
    }

    private static Optional<Stored> read(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM xf_digest WHERE digest_month = ?")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Digest digest = DigestJson.read(new String(rs.getBytes(1), StandardCharsets.UTF_8));
        return new Stored(digest, rs.getBytes(2), rs.getString(3));
    }

    /** The SHA-256 of the bytes, lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
