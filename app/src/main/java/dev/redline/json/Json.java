package dev.redline.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of Redline: the CLI and the web API emit the same shapes through it.
 * Enums are written by {@code toString()} (lower-case names), and a record component named with a
 * trailing underscore ({@code new_}, since {@code new} is a Java keyword) is written without it.
 * Thread-safe.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                @Override
                public String translate(String name) {
                    return name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
                }
            })
            .build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static String writePretty(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
