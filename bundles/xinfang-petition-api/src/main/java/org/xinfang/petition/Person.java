package org.xinfang.petition;

/**
 * A person who acts on a case: the staff account they logged in with, their name and their title
 * (for example 王芳 · 清河镇信访办主任), as the node's staff list gave them when they acted. Events record
 * the person, not only the login, so that a sign-off names someone who can be held to it.
 *
 * @param login the account (never shown to readers; kept for the audit)
 * @param name the person's name, null when the account is not in the staff list
 * @param title the person's title, null when not given
 */
public record Person(String login, String name, String title) {
    /** The petitioner, acting through the public portal (ratings). */
    public static final Person PETITIONER = new Person("petitioner", "信访人", null);
    /** The node itself, for steps a schedule takes (the overdue scan). */
    public static final Person SYSTEM = new Person("system", "系统自动督办", null);

    public Person {
        login = Checks.text("actor", login, 100);
        name = Checks.optionalText("actorName", name, 50);
        title = Checks.optionalText("actorTitle", title, 100);
    }

    /** Whether the staff list names this person: only a named person can sign a document off. */
    public boolean named() {
        return name != null && title != null;
    }

    /** How a reader sees the person: name and title, never the login. */
    public String display() {
        if (name == null) {
            return "admin".equals(login) ? "系统管理员" : "未登记人员";
        }
        return title == null ? name : name + " · " + title;
    }
}
