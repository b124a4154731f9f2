package dev.redline.store;

import java.util.Locale;

/** A field of a version that can change. {@link #toString()} is the stored and JSON name. */
public enum VersionField {
    TITLE, BYLINE, BODY;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
