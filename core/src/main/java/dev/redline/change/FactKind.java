package dev.redline.change;

import java.util.Locale;

/** Which kind of fact changed. {@link #toString()} is the JSON name. */
public enum FactKind {
    /** A figure: a count, an amount, a date or a score. */
    NUMBER,
    /** A proper name: a person, a place, an organisation. */
    NAME,
    /** Words in quotation marks: always substantive. */
    QUOTATION,
    /** A negation added or removed, which reverses the sentence's meaning. */
    NEGATION,
    /** A sentence taken out. */
    DELETED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
