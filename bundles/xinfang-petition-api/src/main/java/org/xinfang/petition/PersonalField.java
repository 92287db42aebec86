package org.xinfang.petition;

/**
 * What of a case counts as full personal data (个人信息): shown masked until a reader asks, and every such read
 * recorded ({@link PersonalRead}). The names are a wire contract: add, never rename.
 */
public enum PersonalField {
    /** 身份证号码 of the petitioners. */
    ID_NUMBER("idNumber", "身份证号码"),
    /** 联系电话 of the petitioners. */
    PHONE("phone", "联系电话"),
    /** 通信地址 of the petitioners. */
    ADDRESS("address", "通信地址"),
    /** 检举控告人: who accuses (names, work units) — a 检举控告 only. */
    ACCUSER("accuser", "检举控告人身份"),
    /** 检举控告内容: subject, content and the free text of its steps — a 检举控告 only. */
    CONTENT("content", "检举控告内容"),
    /** 附件: a file attached to a 检举控告. */
    ATTACHMENT("attachment", "检举控告附件");

    private final String json;
    private final String label;

    PersonalField(String json, String label) {
        this.json = json;
        this.label = label;
    }

    /** As written in JSON. */
    public String json() {
        return json;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for a name that is not a field */
    public static PersonalField fromJson(String name) {
        for (PersonalField f : values()) {
            if (f.json.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no personal field " + name);
    }
}
