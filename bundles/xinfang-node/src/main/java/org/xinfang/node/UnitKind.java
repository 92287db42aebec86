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

    /**
     * Whether units of this level are organs that decide petitions themselves (有权处理的机关, R2022 Art. 23):
     * departments and townships accept what they receive, directly or by assignment. Petition offices
     * (省、市、区信访部门) register and route (Art. 22); a village committee records a matter and passes it
     * up; neither accepts.
     */
    public boolean competent() {
        return this == DEPARTMENT || this == TOWNSHIP;
    }

    /** The Chinese name of the level. */
    public String label() {
        return label;
    }
}
