package org.xinfang.node;

/** Levels of the organisation tree. Higher tiers (city, province) are configuration, not code. */
public enum UnitKind {
    PROVINCE("省级信访部门"),
    CITY("市级信访部门"),
    DISTRICT("区（县）信访部门"),
    DEPARTMENT("区级部门"),
    TOWNSHIP("乡镇（街道）"),
    VILLAGE("村（社区）");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The Chinese name of the level. */
    public String label() {
        return label;
    }
}
