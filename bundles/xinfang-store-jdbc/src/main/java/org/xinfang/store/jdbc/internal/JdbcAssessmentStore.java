package org.xinfang.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.xinfang.assessment.AssessmentStore;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionStore.StoreException;

/** {@link AssessmentStore} in the petitions' database ({@code xf_assessment}); a year's row is written once. */
public final class JdbcAssessmentStore implements AssessmentStore {
    private final DataSource dataSource;

    public JdbcAssessmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Closed> closed(int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT payload_utf8,"
                + " digest, closed_by, closed_by_name, closed_by_title, closed_at FROM xf_assessment WHERE assessed_year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Closed(year, new String(rs.getBytes(1), StandardCharsets.UTF_8), rs.getString(2),
                        new Person(rs.getString(3), rs.getString(4), rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))));
            }
        } catch (SQLException e) {
            throw new StoreException("assessment store: cannot read " + year, e);
        }
    }

    @Override
    public List<Integer> closedYears() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT assessed_year FROM xf_assessment ORDER BY assessed_year DESC"); ResultSet rs = ps.executeQuery()) {
            List<Integer> years = new ArrayList<>();
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
            return years;
        } catch (SQLException e) {
            throw new StoreException("assessment store: cannot list the closed years", e);
        }
    }

    @Override
    public Closed close(int year, String payload, Person closedBy, Instant closedAt) {
        String digest = digest(payload);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " xf_assessment (assessed_year, payload_utf8, digest, closed_by, closed_by_name, closed_by_title,"
                + " closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, year);
            ps.setBytes(2, payload.getBytes(StandardCharsets.UTF_8));
            ps.setString(3, digest);
            ps.setString(4, closedBy.login());
            ps.setString(5, closedBy.name());
            ps.setString(6, closedBy.title());
            ps.setLong(7, closedAt.toEpochMilli());
            ps.executeUpdate();
            return new Closed(year, payload, digest, closedBy, closedAt);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AlreadyClosedException(year);
            }
            throw new StoreException("assessment store: cannot close " + year, e);
        }
    }

    static String digest(String payload) {
        return JdbcDigestStore.sha256(payload.getBytes(StandardCharsets.UTF_8));
    }
}
