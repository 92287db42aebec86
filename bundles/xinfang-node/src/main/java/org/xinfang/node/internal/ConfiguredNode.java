package org.xinfang.node.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.UnitKind;
import org.xinfang.rules.HolidayCalendar;

/**
 * The node as configured in {@code etc/org.xinfang.node.cfg}; the organisation tree comes from the
 * CSV file that configuration names ({@code etc/xinfang-units.csv} by default).
 */
public final class ConfiguredNode implements NodeService {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredNode.class);

    private final NodeInfo info;
    private final TreeDirectory units;
    private final Path calendarPath;
    private final StaffList staff;
    private volatile HolidayCalendar calendar;
    private volatile long calendarStamp;

    public ConfiguredNode(String nodeId, String tier, String unitCode, String unitName, String unitKind,
            String parentUnit, String parentUrl, String unitsFile) throws IOException {
        this(nodeId, tier, unitCode, unitName, unitKind, parentUnit, parentUrl, unitsFile, "", bundleVersion());
    }

    public ConfiguredNode(String nodeId, String tier, String unitCode, String unitName, String unitKind,
            String parentUnit, String parentUrl, String unitsFile, String calendarFile) throws IOException {
        this(nodeId, tier, unitCode, unitName, unitKind, parentUnit, parentUrl, unitsFile, calendarFile,
                bundleVersion());
    }

    ConfiguredNode(String nodeId, String tier, String unitCode, String unitName, String unitKind,
            String parentUnit, String parentUrl, String unitsFile, String calendarFile, String version)
            throws IOException {
        Unit self = new Unit(unitCode.strip(), unitName.strip(), UnitKind.valueOf(unitKind.strip().toUpperCase()),
                blankToNull(parentUnit));
        TreeDirectory tree = new TreeDirectory(List.of());
        Path file = unitsFile == null || unitsFile.isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "xinfang-units.csv") : Path.of(unitsFile);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                tree = TreeDirectory.parse(in);
            }
        } else {
            LOG.warn("organisation tree file {} not found; this node knows only its own unit", file);
        }
        Unit listed = tree.get(self.code()).orElse(null);
        if (listed != null) {
            // the tree file is the reference data; it wins over the name in the node's own config
            self = listed;
        }
        if (self.parent() != null && tree.get(self.parent()).isEmpty()) {
            // the parent is outside what this node was told; keep our own unit as a root
            self = new Unit(self.code(), self.name(), self.kind(), null);
        }
        this.units = tree.with(self);
        this.calendarPath = calendarFile == null || calendarFile.isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "xinfang-calendar.csv") : Path.of(calendarFile);
        this.calendar = loadCalendar();
        this.staff = new StaffList(Path.of(System.getProperty("karaf.etc", "etc"), "xinfang-staff.csv"));
        String id = nodeId == null || nodeId.isBlank() ? self.code() : nodeId.strip();
        this.info = new NodeInfo(id, tier.strip(), this.units.get(self.code()).orElseThrow(), blankToNull(parentUrl),
                version);
        LOG.info("Xinfang node {} ({} tier, unit {} {}), parent {}", id, info.tier(), self.code(), self.name(),
                info.parentUrl() == null ? "none" : info.parentUrl());
    }

    private static String bundleVersion() {
        Bundle bundle = FrameworkUtil.getBundle(ConfiguredNode.class);
        return bundle == null ? "dev" : bundle.getVersion().toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public NodeInfo info() {
        return info;
    }

    @Override
    public UnitDirectory units() {
        return units;
    }

    @Override
    public org.xinfang.petition.Person person(String login) {
        return staff.person(login);
    }

    @Override
    public List<org.xinfang.petition.Person> staff() {
        return staff.all();
    }

    private HolidayCalendar loadCalendar() throws IOException {
        if (!Files.isRegularFile(calendarPath)) {
            LOG.warn("holiday calendar {} not found; counting weekends only", calendarPath);
            return HolidayCalendar.weekendsOnly();
        }
        calendarStamp = Files.getLastModifiedTime(calendarPath).toMillis();
        try (Reader in = Files.newBufferedReader(calendarPath, StandardCharsets.UTF_8)) {
            return HolidayCalendar.parse(in);
        }
    }

    @Override
    public HolidayCalendar calendar() {
        try {
            // an operator may edit the file by hand: take a newer version into use
            if (Files.isRegularFile(calendarPath)
                    && Files.getLastModifiedTime(calendarPath).toMillis() != calendarStamp) {
                calendar = loadCalendar();
                LOG.info("holiday calendar {} reloaded", calendarPath);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("holiday calendar {} cannot be read; keeping the one in use: {}", calendarPath, e.getMessage());
        }
        return calendar;
    }

    @Override
    public synchronized void replaceCalendar(String csv) {
        try {
            HolidayCalendar parsed = HolidayCalendar.parse(new java.io.StringReader(csv));
            Path tmp = calendarPath.resolveSibling(calendarPath.getFileName() + ".new");
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            Files.move(tmp, calendarPath, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            calendarStamp = Files.getLastModifiedTime(calendarPath).toMillis();
            calendar = parsed;
            LOG.info("holiday calendar replaced: {} configured days", parsed.days().size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + calendarPath, e);
        }
    }
}
