package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;

/**
 * The word index of the staff search (schema 22, packed in schema 25, issue 16): every pair of adjacent characters
 * (bigram) of a case's petitioners' names, subject, content and category, lower-cased. The index keeps, for each
 * term, its postings: rows of {@code xf_search_posting}, one per block of cases the {@link SearchIndexer} took in one
 * transaction (two when more than {@link #IDS_PER_ROW} of them hold it, in the block's two consecutive numbers), each
 * holding the ids of that block's cases that hold the term ({@link #pack}); a case's registration
 * facts never change once stored, so a case's rows are written once. Chinese has no spaces, so
 * a word is not cut out of the text: a word of two characters or more occurs in a field only where every one of its
 * bigrams does, so the cases holding all of them are a superset of those whose text contains the word, found through
 * the index; the search then confirms each candidate with the same LIKE as before, so that what is found stays
 * exactly what the scan found. A 检举控告 (accusation) has no bigram rows: its words are sealed ({@code Disclosure})
 * and cannot be searched, so the index holds nothing of them.
 *
 * <p>The search box also finds a case whose id begins with the word or whose tracking code is the word; a word that
 * may do so ({@link #mayBeIdOrCode}, asked of the cases' own indexes) is searched as before. Until schema 26 every
 * case also had two rows of its own for that, its id and its tracking code behind the mark {@link #MARK}; where a
 * block's cases share the rows of their bigrams, these were never shared: 1,000 of the ~1,030 rows a block of 500
 * registrations of one short sentence wrote, the tracking codes' landing anywhere in the index (issue 16).
 */
final class SearchTerms {
    /**
     * Before each name of {@code search_names} ({@link #names}); until schema 26 also the first character of a row of an
     * id or a tracking code. Never part of a bigram (control characters are not).
     */
    static final char MARK = '\u0001';

    private SearchTerms() {
    }

    /** The rows of a case: its bigrams (none for an accusation). */
    static Set<String> of(Petition p) {
        Set<String> terms = new LinkedHashSet<>();
        if (p.kind() != Kind.ACCUSATION) {
            for (Petitioner person : p.petitioners()) {
                bigrams(person.name(), terms);
            }
            bigrams(p.subject(), terms);
            bigrams(p.content(), terms);
            bigrams(p.category(), terms);
        }
        return terms;
    }

    /** The case's rows as read back from its columns (the migration that builds the index for stored cases). */
    static Set<String> of(String id, String trackingCode, String kind, List<String> names, String subject,
            String content, String category) {
        Set<String> terms = new LinkedHashSet<>();
        if (!Kind.ACCUSATION.name().equals(kind)) {
            for (String name : names) {
                bigrams(name, terms);
            }
            bigrams(subject, terms);
            bigrams(content, terms);
            bigrams(category, terms);
        }
        return terms;
    }

    /**
     * Adds the bigrams of {@code text} lower-cased, by code point (a character outside the basic plane is one
     * character), leaving out those with a control character; returns {@code into}.
     */
    static Set<String> bigrams(String text, Set<String> into) {
        if (text == null) {
            return into;
        }
        int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (!Character.isISOControl(cps[i]) && !Character.isISOControl(cps[i + 1])) {
                into.add(new String(cps, i, 2));
            }
        }
        return into;
    }

    /** The bigrams a case must hold to contain {@code lowerWord}; empty when the word has none (one character). */
    static List<String> ofWord(String lowerWord) {
        return new ArrayList<>(bigrams(lowerWord, new LinkedHashSet<>()));
    }

    /** The longest {@code xf_petition.search_names} (schema 23); a case whose names are longer has none. */
    static final int NAMES_MAX = 4000;

    /**
     * A case's petitioners' names as the search matches them in its own row ({@code xf_petition.search_names}, schema
     * 23): each behind {@link #MARK}, so that no word runs from one name into the next. Null for an accusation (its
     * accuser is sealed) and for names longer than {@link #NAMES_MAX}, which the search asks of the petitioners' rows.
     */
    static String names(String kind, List<String> names) {
        if (Kind.ACCUSATION.name().equals(kind)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String name : names) {
            b.append(MARK).append(name == null ? "" : name);
        }
        return b.length() > NAMES_MAX ? null : b.toString();
    }

    /** One row of a term's postings (schema 25): the term, its block, the ids of the block's cases holding it. */
    static final String INSERT = "INSERT INTO xf_search_posting (term, block, ids) VALUES (?, ?, ?)";
    /** Between two ids of a row; no id holds it (ids are {@code <unit>-<number>}; the indexer checks). */
    static final char SEPARATOR = ' ';
    /**
     * The first character of a row whose ids after the first are front-coded ({@link #pack}); no id begins with it
     * (an id holds no control character: {@link #packable}). A row without it is a plain list (written before).
     */
    static final char FRONT_CODED = '\u0002';
    /**
     * The count of characters an id shares with the id before it: {@code ZERO + n} for n (never the separator).
     */
    private static final char ZERO = '0';
    /** The longest id a row keeps. */
    static final int ID_MAX = 60;
    /**
     * The most ids in one row: the longest ids ({@link #ID_MAX} characters) sharing nothing, each with its count and
     * separator, fit the column (32,000).
     */
    static final int IDS_PER_ROW = 500;

    /**
     * The ids of a row, in the order given (the indexer and the migration give them sorted). Front-coded: the first id
     * as it is, each next one as the count of its first characters that it shares with the id before it (one
     * character, {@link #ZERO} plus the count) and the rest of it, behind the separator; the row begins with
     * {@link #FRONT_CODED} when it holds more than one id (a row of one id is the id). A block's ids are consecutive
     * case numbers of a few units, so most share all but their last digits: {@code 510199-0036943} then
     * {@code 510199-0036945} is written {@code =5} (a count of 13, then "5"), three characters with the separator
     * instead of fifteen. Derby writes a row's characters one by one into its log and its page: the ids were the most
     * of the indexer's work on letters (issue 16).
     */
    static String pack(java.util.Collection<String> ids) {
        if (ids.isEmpty() || ids.size() > IDS_PER_ROW) {
            throw new IllegalArgumentException("a row of postings holds 1 to " + IDS_PER_ROW + " ids: " + ids.size());
        }
        StringBuilder b = new StringBuilder(ids.size() * 5 + 16);
        String before = null;
        for (String id : ids) {
            if (before == null) {
                if (ids.size() > 1) {
                    b.append(FRONT_CODED);
                }
                b.append(id);
            } else {
                int shared = 0;
                int most = Math.min(before.length(), id.length());
                while (shared < most && before.charAt(shared) == id.charAt(shared)) {
                    shared++;
                }
                b.append(SEPARATOR).append((char) (ZERO + shared)).append(id, shared, id.length());
            }
            before = id;
        }
        return b.toString();
    }

    /** Adds the ids of a row to {@code into}, front-coded or plain ({@link #pack}); returns how many. */
    static int unpack(String ids, java.util.Collection<String> into) {
        boolean coded = !ids.isEmpty() && ids.charAt(0) == FRONT_CODED;
        int n = 0;
        String before = null;
        for (int from = coded ? 1 : 0; from <= ids.length(); n++) {
            int to = ids.indexOf(SEPARATOR, from);
            if (to < 0) {
                to = ids.length();
            }
            String id;
            if (coded && before != null) {
                int shared = ids.charAt(from) - ZERO;
                id = before.substring(0, shared).concat(ids.substring(from + 1, to));
            } else {
                id = ids.substring(from, to);
            }
            into.add(id);
            before = id;
            from = to + 1;
        }
        return n;
    }

    /**
     * True if a case's id can be kept in a row of postings: 1 to {@link #ID_MAX} characters, no separator, no control
     * character (the mark, {@link #FRONT_CODED}).
     */
    static boolean packable(String id) {
        if (id.isEmpty() || id.length() > ID_MAX || id.indexOf(SEPARATOR) >= 0) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when some case's id begins with {@code lowerWord} or its tracking code is it, either upper- or lower-cased
     * (the search's condition compares both lower-cased: an id is {@code <unit>-<number>}, a unit's code digits and
     * capitals, a tracking code digits and capitals; neither mixes the two cases). Asked of the cases' key and the
     * tracking codes' unique index (on PostgreSQL, the ids' index by prefix of schema 26), at most four probes of one
     * row; before schema 26, of the index's rows of ids and codes.
     */
    static boolean mayBeIdOrCode(Connection c, String lowerWord) throws SQLException {
        String upperWord = lowerWord.toUpperCase(Locale.ROOT);
        List<String> forms = upperWord.equals(lowerWord) ? List.of(lowerWord) : List.of(upperWord, lowerWord);
        try (PreparedStatement id = c.prepareStatement("SELECT id FROM xf_petition WHERE id LIKE ? ESCAPE '\\'");
                PreparedStatement code = c.prepareStatement("SELECT id FROM xf_petition WHERE tracking_code = ?")) {
            id.setMaxRows(1);
            code.setMaxRows(1);
            for (String form : forms) {
                id.setString(1, form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = id.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
                code.setString(1, form);
                try (ResultSet rs = code.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The cases holding a term, at most {@code max} (more: the list has {@code max + 1}), read from the index
     * alone (in the caller's transaction: PostgreSQL streams by the fetch size only inside one).
     */
    static List<String> holding(Connection c, String term, int max) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ids FROM xf_search_posting WHERE term = ?")) {
            ps.setFetchSize(200);
            ps.setString(1, term);
            try (ResultSet rs = ps.executeQuery()) {
                while (ids.size() <= max && rs.next()) {
                    unpack(rs.getString(1), ids);
                }
            }
        }
        return ids.size() > max + 1 ? new ArrayList<>(ids.subList(0, max + 1)) : ids;
    }
}
