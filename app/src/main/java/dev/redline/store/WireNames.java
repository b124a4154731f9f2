package dev.redline.store;

/**
 * Reads back the enums whose {@code toString()} is a stable wire name (stored in the database,
 * written in JSON, shown in pages), such as {@link Outcome} and {@link EventKind}. Stateless.
 */
final class WireNames {
    private WireNames() {
    }

    /** The constant of {@code type} whose wire name is {@code wireName}; {@link IllegalArgumentException} naming it otherwise. */
    static <E extends Enum<E>> E parse(Class<E> type, String wireName, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(wireName)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + wireName + "'");
    }
}
