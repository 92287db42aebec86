package org.xinfang.petition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The typed attributes of one event: an immutable map from {@link Attr} to a value of its type, in the
 * order they were given. Which attributes an event may and must carry is {@link EventType}'s business.
 */
public final class Attributes {
    /** No attributes. */
    public static final Attributes NONE = new Attributes(Map.of());

    private final Map<Attr<?>, Object> values;

    private Attributes(Map<Attr<?>, Object> values) {
        this.values = values;
    }

    /** Attributes built one by one; each value is checked against its attribute as it is added. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Attributes read from JSON-like values ({@code {"days": 30, "reason": "…"}}) for an event of this
     * type: every name must be one the type carries, every value within its attribute's limit.
     *
     * @throws ValidationException naming {@code attrs.<name>} for an unknown attribute or a bad value
     */
    public static Attributes fromWire(EventType type, Map<String, ?> wire) {
        if (wire == null || wire.isEmpty()) {
            return NONE;
        }
        Builder b = builder();
        for (Map.Entry<String, ?> e : wire.entrySet()) {
            Attr<?> attr = type.attr(e.getKey()).orElseThrow(() -> new ValidationException("attrs." + e.getKey(),
                    "unknown_attribute", "「" + type.label() + "」没有这一项 / " + type + " has no attribute " + e.getKey()));
            if (e.getValue() != null) {
                b.parse(attr, e.getValue(), "attrs." + attr.name());
            }
        }
        return b.build();
    }

    /** The value of this attribute, or null when the event does not carry it. */
    public <T> T get(Attr<T> attr) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(attr);
        return value;
    }

    /** Whether the event carries this attribute. */
    public boolean has(Attr<?> attr) {
        return values.containsKey(attr);
    }

    /** The attributes carried, in order. */
    public java.util.Set<Attr<?>> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** As JSON carries them: name to text, number, ISO date or constant name, in order. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        values.forEach((attr, value) -> wire.put(attr.name(), attr.wire(value)));
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toWire().toString();
    }

    /** Adds attributes one by one. */
    public static final class Builder {
        private final Map<Attr<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a value of the attribute's type, checked against its limit; null adds nothing. */
        public <T> Builder put(Attr<T> attr, T value) {
            if (value != null) {
                values.put(attr, attr.parse(value, attr.name()));
            }
            return this;
        }

        /**
         * Adds a value given as text or a number (an API's input), checked against the attribute's
         * limit; an error names {@code field}. A null or blank value adds nothing.
         */
        public Builder parse(Attr<?> attr, Object raw, String field) {
            if (raw != null && !(raw instanceof String s && s.isBlank())) {
                values.put(attr, attr.parse(raw, Objects.requireNonNull(field)));
            }
            return this;
        }

        public Attributes build() {
            return values.isEmpty() ? NONE : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
