package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.json.Json;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.History;
import dev.redline.store.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads histories in the {@link History} shape from a file holding one JSON object or JSON Lines
 * (any sequence of top-level objects, in fact), validating each one completely. Problems are
 * {@link BadInput}s naming the file and the line where the offending history starts.
 */
final class HistoryFile {

    /** A valid history and where it starts; {@code boring} is null where the file does not say. */
    record Item(Path file, int line, History history, List<Boolean> boring) {
        String where() {
            return file + ":" + line;
        }
    }

    interface Sink {
        void accept(Item item);
    }

    /** Reads one value at a time; the next history may follow (JSON Lines). */
    private static final ObjectReader NODE_READER = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private HistoryFile() {
    }

    /** Reads every history in the file, in order, and returns how many there were. */
    static int read(Path file, Sink sink) {
        if (Files.isDirectory(file)) {
            throw new BadInput(file + " is a folder; import takes history files (.json, .jsonl), e.g. "
                    + file + "/*.jsonl");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        int count = 0;
        try (JsonParser parser = Json.MAPPER.createParser(file.toFile())) {
            JsonToken token;
            while ((token = next(parser, file)) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new BadInput(file + ":" + line + ": expected a JSON object (a history), found " + kind(token));
                }
                JsonNode node = readTree(parser, file);
                sink.accept(validate(file, line, node));
                count++;
            }
        } catch (JacksonException e) {
            throw syntaxError(file, e);
        }
        if (count == 0) {
            throw new BadInput(file + ": no history in the file");
        }
        return count;
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    private static JsonToken next(JsonParser parser, Path file) {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw syntaxError(file, e);
        }
    }

    private static JsonNode readTree(JsonParser parser, Path file) {
        try {
            return NODE_READER.readValue(parser);
        } catch (JacksonException e) {
            throw syntaxError(file, e);
        }
    }

    /**
     * A syntax error in words: file, line and column, and what is there. The parser's own text
     * (token names, character codes) is for library authors, so it is not shown.
     */
    private static BadInput syntaxError(Path file, JacksonException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String where = file + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "");
        if (e instanceof UnexpectedEndOfInputException) {
            return new BadInput(where + ": not valid JSON: the file ends inside an unfinished object, array or string", e);
        }
        String near = line > 0 && column > 0 ? textAt(file, line, column) : "";
        return new BadInput(where + ": not valid JSON" + (near.isEmpty() ? "" : " at '" + near + "'")
                + " (a value must be a quoted string, a number, true, false, null, an object or an array)", e);
    }

    /** Up to 20 characters of the file from the given line and column, made safe to print; empty if unreadable. */
    private static String textAt(Path file, int line, int column) {
        try (var lines = Files.lines(file)) {
            String text = lines.skip(line - 1L).findFirst().orElse("");
            int from = Math.min(Math.max(0, column - 1), text.length());
            return Printable.of(text.substring(from, Math.min(text.length(), from + 20))).strip();
        } catch (IOException | UncheckedIOException ex) {
            return "";
        }
    }

    private static Item validate(Path file, int line, JsonNode node) {
        String where = file + ":" + line + ": ";
        String url = requiredString(node, "url", where);
        HttpUrl.require(where + "\"url\"", url);
        JsonNode sourceNode = node.get("source");
        String source = null;
        if (sourceNode != null && !sourceNode.isNull()) {
            if (!sourceNode.isString() || sourceNode.asString().isBlank()) {
                throw new BadInput(where + "\"source\" must be a non-empty string or null");
            }
            source = sourceNode.asString();
            if (!Source.validName(source)) {
                // the name import would create must be one `source add` accepts
                throw new BadInput(where + "source name '" + source + "' must be " + Source.NAME_RULE);
            }
        }
        JsonNode versionsNode = node.get("versions");
        if (versionsNode == null || !versionsNode.isArray() || versionsNode.isEmpty()) {
            throw new BadInput(where + "\"versions\" must be a non-empty array");
        }
        record Parsed(History.Entry entry, Boolean boring) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < versionsNode.size(); i++) {
            JsonNode v = versionsNode.get(i);
            String at = where + "versions[" + i + "]: ";
            if (!v.isObject()) {
                throw new BadInput(at + "must be an object");
            }
            Integer n = null;
            JsonNode nNode = v.get("n");
            if (nNode != null && !nNode.isNull()) {
                if (!nNode.isInt() || nNode.asInt() < 0) {
                    throw new BadInput(at + "\"n\" must be a whole number from 0");
                }
                n = nNode.asInt();
            }
            Instant fetchedAt = instant(requiredString(v, "fetchedAt", at), at, "fetchedAt");
            String title = requiredString(v, "title", at);
            String byline = null;
            JsonNode bylineNode = v.get("byline");
            if (bylineNode != null && !bylineNode.isNull()) {
                if (!bylineNode.isString()) {
                    throw new BadInput(at + "\"byline\" must be a string or null");
                }
                byline = bylineNode.asString();
            }
            JsonNode paragraphsNode = v.get("paragraphs");
            if (paragraphsNode == null || !paragraphsNode.isArray()) {
                throw new BadInput(at + "\"paragraphs\" must be an array of strings");
            }
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode p : paragraphsNode) {
                if (!p.isString()) {
                    throw new BadInput(at + "\"paragraphs\" must be an array of strings");
                }
                paragraphs.add(p.asString());
            }
            Boolean boring = null;
            JsonNode boringNode = v.get("boring");
            if (boringNode != null && !boringNode.isNull()) {
                if (!boringNode.isBoolean()) {
                    throw new BadInput(at + "\"boring\" must be true or false");
                }
                boring = boringNode.asBoolean();
            }
            parsed.add(new Parsed(new History.Entry(n, fetchedAt, title, byline, paragraphs, boring != null && boring), boring));
        }
        ArticleStatus status = null;
        JsonNode statusNode = node.get("status");
        if (statusNode != null && !statusNode.isNull()) {
            status = wireName(statusNode, where + "\"status\"", ArticleStatus::fromWire);
        }
        List<History.Event> events = events(node.get("events"), where);
        long numbered = parsed.stream().filter(p -> p.entry().n() != null).count();
        if (numbered != 0 && numbered != parsed.size()) {
            throw new BadInput(where + "either every version has \"n\" or none does");
        }
        if (numbered > 0) {
            parsed.sort(Comparator.comparing(p -> p.entry().n()));
            for (int i = 1; i < parsed.size(); i++) {
                if (parsed.get(i).entry().n().equals(parsed.get(i - 1).entry().n())) {
                    throw new BadInput(where + "two versions have \"n\": " + parsed.get(i).entry().n());
                }
            }
        }
        for (int i = 1; i < parsed.size(); i++) {
            if (parsed.get(i).entry().fetchedAt().isBefore(parsed.get(i - 1).entry().fetchedAt())) {
                throw new BadInput(where + "versions go back in time: " + parsed.get(i).entry().fetchedAt()
                        + " comes after " + parsed.get(i - 1).entry().fetchedAt());
            }
        }
        return new Item(file, line, new History(url, source, status, parsed.stream().map(Parsed::entry).toList(), events),
                parsed.stream().map(Parsed::boring).toList());
    }

    /** The optional {@code events} array: each {@code {"at": ISO, "kind": wire name, "detail": S|null}}. */
    private static List<History.Event> events(JsonNode eventsNode, String where) {
        if (eventsNode == null || eventsNode.isNull()) {
            return List.of();
        }
        if (!eventsNode.isArray()) {
            throw new BadInput(where + "\"events\" must be an array");
        }
        List<History.Event> events = new ArrayList<>();
        for (int i = 0; i < eventsNode.size(); i++) {
            JsonNode e = eventsNode.get(i);
            String at = where + "events[" + i + "]: ";
            if (!e.isObject()) {
                throw new BadInput(at + "must be an object");
            }
            JsonNode kindNode = e.get("kind");
            if (kindNode == null) {
                throw new BadInput(at + "\"kind\" must be a string");
            }
            EventKind kind = wireName(kindNode, at + "\"kind\"", EventKind::fromWire);
            JsonNode detailNode = e.get("detail");
            if (detailNode != null && !detailNode.isNull() && !detailNode.isString()) {
                throw new BadInput(at + "\"detail\" must be a string or null");
            }
            events.add(new History.Event(instant(requiredString(e, "at", at), at, "at"), kind,
                    detailNode == null || detailNode.isNull() ? null : detailNode.asString()));
        }
        return events;
    }

    private static <T> T wireName(JsonNode value, String what, java.util.function.Function<String, T> parse) {
        if (!value.isString()) {
            throw new BadInput(what + " must be a string");
        }
        try {
            return parse.apply(value.asString());
        } catch (IllegalArgumentException e) {
            throw new BadInput(what + ": " + e.getMessage(), e);
        }
    }

    private static String requiredString(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new BadInput(where + "\"" + field + "\" must be a string");
        }
        return value.asString();
    }

    private static Instant instant(String text, String where, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new BadInput(where + "\"" + field + "\" '" + text + "' is not an ISO-8601 instant such as 2026-03-14T08:00:00Z", e2);
            }
        }
    }
}
