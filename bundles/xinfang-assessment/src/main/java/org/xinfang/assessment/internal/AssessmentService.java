package org.xinfang.assessment.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xinfang.assessment.AssessmentStore;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.reference.ReferenceStore;

/**
 * The yearly assessment of the competent units (departments and townships) below this node: for each
 * indicator a rate over the cases the unit owns that were received in the year, times the indicator's
 * weight; the score is the points won out of the weights that apply to the unit (an indicator with
 * nothing to count — no supervision, no rating — neither helps nor hurts), on a scale of 100. The weights
 * are reference data kept at the top of the network ({@value #RULES}) and synced down, so every node
 * scores its subtree by the same rules. A closed year is kept as it was closed and shown so ever after.
 */
public final class AssessmentService {
    static final String RULES = "assessment-rules";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Indicator, Integer> DEFAULT_WEIGHTS = defaults();

    private final CaseService cases;
    private final NodeService node;
    private final ReferenceStore references;
    private final AssessmentStore store;
    private final Clock clock;
    /** How each unit kept to the monthly screening, where the screening capability is installed. */
    private volatile List<org.xinfang.screening.ScreeningRecord> screening = List.of();

    /** Blueprint: the screening capability, when installed (none or one). */
    public void setScreening(List<org.xinfang.screening.ScreeningRecord> screening) {
        this.screening = screening == null ? List.of() : screening;
    }

    public AssessmentService(CaseService cases, NodeService node, ReferenceStore references, AssessmentStore store,
            String zone) {
        this(cases, node, references, store, Clock.system(ZoneId.of(zone)));
    }

    AssessmentService(CaseService cases, NodeService node, ReferenceStore references, AssessmentStore store, Clock clock) {
        this.cases = cases;
        this.node = node;
        this.references = references;
        this.store = store;
        this.clock = clock;
    }

    private static Map<Indicator, Integer> defaults() {
        Map<Indicator, Integer> m = new EnumMap<>(Indicator.class);
        m.put(Indicator.NOTICE_ON_TIME, 20);
        m.put(Indicator.HANDLING_ON_TIME, 25);
        m.put(Indicator.SUPERVISION_ON_TIME, 15);
        m.put(Indicator.REPEAT, 15);
        m.put(Indicator.SATISFACTION, 15);
        m.put(Indicator.SCREENING, 10);
        return m;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The rules in force here: {@code version} and the weight of each indicator. */
    Rules rules() {
        return references.get(RULES).map(d -> Rules.read(d.payload(), d.version())).orElse(new Rules(0, DEFAULT_WEIGHTS));
    }

    /** Replaces the weights at the top of the network: {@code {"version", "weights": {INDICATOR: 0..100}}}. */
    Rules replaceRules(String json) {
        if (node.info().parentUrl() != null) {
            throw new IllegalStateException("the assessment rules are kept at the top of the network");
        }
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ValidationException("body", "invalid_json", "不是有效的JSON / not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("body", "required", "请求体应为JSON对象 / a JSON object is required");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 0) {
            throw new ValidationException("version", "required", "请提供所读取的版本号 / the version read is required");
        }
        Map<Indicator, Integer> weights = Rules.weights(root.get("weights"));
        var stored = references.replace(RULES, version.asLong(), Rules.write(weights));
        return new Rules(stored.version(), weights);
    }

    /** The year's assessment: as closed, or computed now from the cases when the year is open. */
    ObjectNode assessment(int year) {
        checkYear(year);
        var closed = store.closed(year);
        if (closed.isPresent()) {
            try {
                ObjectNode n = (ObjectNode) MAPPER.readTree(closed.get().payload());
                n.put("closed", true);
                n.put("digest", closed.get().digest());
                n.put("closedAt", closed.get().closedAt().toString());
                n.set("closedBy", person(closed.get().closedBy()));
                return n;
            } catch (IOException e) {
                throw new IllegalStateException("the closed assessment of " + year + " cannot be read", e);
            }
        }
        ObjectNode n = compute(year);
        n.put("closed", false);
        return n;
    }

    /** Closes a year that is over: from now on its assessment is shown as it is now. */
    ObjectNode close(int year, Person by) {
        checkYear(year);
        if (year >= today().getYear()) {
            throw new ValidationException("year", "not_over", year + "年尚未结束，不能关账 / the year is not over");
        }
        if (!by.named()) {
            throw new ValidationException("closedBy", "unnamed", "关账须由具名人员办理 / a named person closes the year");
        }
        if (store.closed(year).isPresent()) {
            throw new AssessmentStore.AlreadyClosedException(year);
        }
        String payload = compute(year).toString();
        store.close(year, payload, by, clock.instant());
        return assessment(year);
    }

    List<Integer> closedYears() {
        return store.closedYears();
    }

    private void checkYear(int year) {
        if (year < 2000 || year > today().getYear()) {
            throw new ValidationException("year", "out_of_range", "年度应在2000年至今年之间 / the year is 2000 to this year");
        }
    }

    /** Computes the year from the cases as they are now. */
    ObjectNode compute(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = end.isAfter(today()) ? today() : end;
        Rules rules = rules();
        Map<String, Map<String, Long>> figures = cases.figuresByOwner(from, to);
        String here = node.info().unit().code();
        List<ObjectNode> units = new ArrayList<>();
        for (Unit u : node.units().all()) {
            if (u.code().equals(here) || !u.kind().competent() || !node.units().isWithin(u.code(), here)) {
                continue;
            }
            units.add(unit(u, figures.getOrDefault(u.code(), Map.of()), rules, from, to));
        }
        units.sort(Comparator.comparingDouble((ObjectNode n) -> -n.get("score").asDouble())
                .thenComparing(n -> n.get("unit").asText()));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", year);
        root.put("from", from.toString());
        root.put("to", to.toString());
        root.put("unit", here);
        root.put("unitName", node.info().unit().name());
        root.put("rulesVersion", rules.version());
        ObjectNode w = root.putObject("weights");
        rules.weights().forEach((k, v) -> w.put(k.name(), v));
        ArrayNode list = root.putArray("units");
        int rank = 0;
        double last = Double.NaN;
        for (int i = 0; i < units.size(); i++) {
            ObjectNode n = units.get(i);
            double score = n.get("score").asDouble();
            if (score != last) {
                rank = i + 1; // equal scores share a rank
                last = score;
            }
            n.put("rank", rank);
            list.add(n);
        }
        return root;
    }

    private ObjectNode unit(Unit u, Map<String, Long> f, Rules rules, LocalDate from, LocalDate to) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("unit", u.code());
        n.put("unitName", u.name());
        n.put("cases", f.getOrDefault("total", 0L));
        ArrayNode items = n.putArray("indicators");
        double won = 0;
        int applicable = 0;
        for (Indicator i : Indicator.values()) {
            int weight = rules.weights().getOrDefault(i, 0);
            ObjectNode item = items.addObject();
            item.put("indicator", i.name());
            item.put("label", i.zh);
            item.put("labelEn", i.en);
            item.put("weight", weight);
            long good;
            long all;
            long bad;
            switch (i) {
                case REPEAT -> {
                    bad = f.getOrDefault("repeats", 0L);
                    all = f.getOrDefault("total", 0L);
                    good = all - bad;
                }
                case SATISFACTION -> {
                    good = f.getOrDefault("satisfied", 0L);
                    all = f.getOrDefault("rated", 0L);
                    bad = all - good;
                }
                case SCREENING -> {
                    // the months whose report was due in the year (to date) and how many were filed in time
                    var record = screening.isEmpty() ? null : screening.get(0).onTime(u.code(), from.getYear());
                    good = record == null ? 0 : record.filedOnTime();
                    all = record == null ? 0 : record.due();
                    bad = all - good;
                }
                default -> {
                    good = f.getOrDefault(i.counted, 0L);
                    bad = f.getOrDefault(i.against, 0L);
                    all = good + bad;
                }
            }
            item.put("good", good);
            item.put("counted", all);
            item.put("lost", bad);
            if (all == 0 || weight == 0) {
                item.putNull("rate");
                item.putNull("points");
                item.put("applies", false);
            } else {
                double rate = (double) good / all;
                double points = round(weight * rate);
                item.put("rate", Math.round(rate * 10000) / 10000.0);
                item.put("points", points);
                item.put("applies", true);
                won += points;
                applicable += weight;
            }
            if (i.figure != null) {
                // the cases behind the points lost, as the statistics list them for this owner
                ObjectNode cases = item.putObject("casesLost");
                cases.put("figure", i.figure);
                if (i.key != null) {
                    cases.put("key", i.key);
                } else {
                    cases.putNull("key");
                }
                cases.put("owner", u.code());
                cases.put("from", from.toString());
                cases.put("to", to.toString());
            }
        }
        n.put("pointsWon", round(won));
        n.put("pointsPossible", applicable);
        n.put("score", applicable == 0 ? 100.0 : round(won * 100.0 / applicable));
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static ObjectNode person(Person p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("login", p.login());
        n.put("name", p.name());
        n.put("title", p.title());
        n.put("display", p.display());
        return n;
    }

    /** The weights in force. */
    record Rules(long version, Map<Indicator, Integer> weights) {
        static Rules read(String json, long version) {
            try {
                return new Rules(version, weights(MAPPER.readTree(json).get("weights")));
            } catch (IOException e) {
                throw new IllegalStateException("the held assessment rules are not JSON", e);
            }
        }

        static Map<Indicator, Integer> weights(JsonNode w) {
            if (w == null || !w.isObject()) {
                throw new ValidationException("weights", "required", "请提供各项指标的分值 / weights are required");
            }
            Map<Indicator, Integer> m = new EnumMap<>(Indicator.class);
            for (var it = w.fields(); it.hasNext();) {
                var e = it.next();
                Indicator i;
                try {
                    i = Indicator.valueOf(e.getKey());
                } catch (IllegalArgumentException x) {
                    throw new ValidationException("weights." + e.getKey(), "unknown_indicator", "没有这项考核指标 / no such"
                            + " indicator");
                }
                JsonNode v = e.getValue();
                if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 100) {
                    throw new ValidationException("weights." + e.getKey(), "out_of_range", "分值应为0到100的整数 / a whole"
                            + " number from 0 to 100");
                }
                m.put(i, v.asInt());
            }
            if (m.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new ValidationException("weights", "all_zero", "至少一项指标的分值大于0 / at least one weight above 0");
            }
            return m;
        }

        static String write(Map<Indicator, Integer> weights) {
            ObjectNode root = MAPPER.createObjectNode();
            ObjectNode w = root.putObject("weights");
            weights.forEach((k, v) -> w.put(k.name(), v));
            return root.toString();
        }
    }
}
