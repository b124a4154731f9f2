package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.store.History;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Reads a NewsEdits SQLite dump (Spangher et al., NAACL 2022; github.com/isi-nlp/NewsEdits) as
 * article histories for {@code redline import --format newsedits-sqlite}. The corpus's released
 * files ({@code SOURCE-matched-sentences.db}) hold {@code split_sentences(entry_id, version,
 * sent_idx, sentence)}, each version's text one sentence a row, besides {@code matched_sentences}
 * (the corpus's own alignment, not needed: Redline diffs the texts itself) and
 * {@code doc_level_stats}; other tables and extra columns are ignored. Sentences may carry the
 * source page's {@code <p>}/{@code </p>} marks (the AP file does): where a version has them they
 * split it into paragraphs, else each sentence is a paragraph. The corpus's raw per-source files
 * hold {@code entryversion(entry_id, version, title, url, created, summary, …)} instead, the body
 * in {@code summary} with {@code </p><p>} between paragraphs; such a file is read from there, and
 * beside {@code split_sentences} its {@code url}, {@code title} and {@code created} are used.
 * Without them an article's URL is {@code https://newsedits.invalid/SOURCE/ENTRY_ID}, its headline
 * "SOURCE entry ENTRY_ID", and version N is dated {@link #UNDATED_ORIGIN} plus N minutes. The dump
 * is opened read-only. The source name is the file name without extension and without the
 * corpus's {@code -matched-sentences} suffix or {@code newssniffer-} prefix.
 */
final class NewsEditsDump {
    /** Stand-in date of undated versions: clearly not a real fetch time, and ordered. */
    static final Instant UNDATED_ORIGIN = Instant.parse("2000-01-01T00:00:00Z");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SENTENCE_COLUMNS = List.of("entry_id", "version", "sent_idx", "sentence");
    /** A paragraph mark of the corpus's HTML-ish text, with the spaces around it. */
    private static final Pattern PARAGRAPH_MARK = Pattern.compile("\\s*</?p\\s*>\\s*", Pattern.CASE_INSENSITIVE);
    /** The entry id as text; the corpus writes it as an integer, some tables as a real ("4212.0"). */
    private static final String ENTRY_KEY = "CASE WHEN typeof(entry_id) IN ('integer', 'real')"
            + " THEN CAST(CAST(entry_id AS INTEGER) AS TEXT) ELSE CAST(entry_id AS TEXT) END";

    private NewsEditsDump() {
    }

    /** Reads every entry of the dump, in entry order, and returns how many there were. */
    static int read(Path file, HistoryFile.Sink sink) {
        checkIsSqlite(file);
        String source = sourceName(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        try (Connection c = ds.getConnection()) {
            Map<String, Set<String>> tables = tables(c);
            Set<String> meta = tables.getOrDefault("entryversion", Set.of());
            Set<String> sentences = tables.get("split_sentences");
            if (sentences != null) {
                List<String> missing = SENTENCE_COLUMNS.stream().filter(col -> !sentences.contains(col)).toList();
                if (!missing.isEmpty()) {
                    throw new BadInput(file + ": not a NewsEdits dump (split_sentences has no " + String.join(", ", missing) + " column)");
                }
                return fromSentences(c, file, source, meta.containsAll(List.of("entry_id", "version")) ? meta(c, meta) : Map.of(), sink);
            }
            if (meta.containsAll(List.of("entry_id", "version", "summary"))) {
                return fromEntryVersions(c, file, source, meta, sink);
            }
            throw new BadInput(file + (tables.containsKey("matched_sentences")
                    ? ": a NewsEdits dump without its sentences (matched_sentences but no split_sentences), so no text to import"
                    : ": not a NewsEdits dump (no split_sentences or entryversion table)"));
        } catch (SQLException e) {
            throw new BadInput(file + ": cannot read it as a NewsEdits SQLite dump: " + e.getMessage(), e);
        }
    }

    /** One version's details from {@code entryversion}; any of them may be null. */
    private record Meta(String url, String title, Instant created) {
        static final Meta NONE = new Meta(null, null, null);
    }

    /** A missing file, the corpus's gzip download, or anything else that is not SQLite: one line naming it. */
    private static void checkIsSqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read it: " + e.getMessage(), e);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new BadInput(file + ": gzip-compressed (the corpus ships .db.gz files): gunzip it first");
        }
        if (!Arrays.equals(head, SQLITE_MAGIC)) {
            throw new BadInput(file + ": not a NewsEdits dump (not an SQLite database)");
        }
    }

    /** {@code nyt-matched-sentences.db} → {@code nyt}, {@code newssniffer-guardian.db} → {@code guardian}. */
    static String sourceName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceFirst("(?i)[-_]matched[-_]sentences$", "").replaceFirst("(?i)^newssniffer[-_]", "");
        return name.isEmpty() ? "newsedits" : name;
    }

    /** Table name → its column names, both lower case. */
    private static Map<String, Set<String>> tables(Connection c) throws SQLException {
        Map<String, Set<String>> tables = new HashMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new HashSet<>())
                        .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static Map<String, Meta> meta(Connection c, Set<String> columns) throws SQLException {
        Map<String, Meta> meta = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_KEY + ", CAST(version AS INTEGER), "
                + optional(columns, "url") + ", " + optional(columns, "title") + ", " + optional(columns, "created")
                + " FROM entryversion");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1) + "/" + rs.getInt(2), new Meta(rs.getString(3), rs.getString(4), instant(rs.getString(5))));
            }
        }
        return meta;
    }

    private static String optional(Set<String> columns, String column) {
        return columns.contains(column) ? column : "NULL";
    }

    /** The corpus writes {@code created} as "2019-05-01 12:00:00[.ffffff]" (UTC) or ISO-8601; anything else counts as undated. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$") ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The released files: one row per sentence, ordered by entry so one history at a time is in memory. */
    private static int fromSentences(Connection c, Path file, String source, Map<String, Meta> meta, HistoryFile.Sink sink)
            throws SQLException {
        String sql = "SELECT " + ENTRY_KEY + " AS entry, CAST(version AS INTEGER) AS v, sentence FROM split_sentences"
                + " ORDER BY entry, v, CAST(sent_idx AS INTEGER)";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return stream(rs, file, source, (row, text) -> text.add(row.getString(3) == null ? "" : row.getString(3)),
                    (entry, v) -> meta.getOrDefault(entry + "/" + v, Meta.NONE), sink);
        }
    }

    /** The raw files: one row per version, the body in {@code summary}. */
    private static int fromEntryVersions(Connection c, Path file, String source, Set<String> columns, HistoryFile.Sink sink)
            throws SQLException {
        String sql = "SELECT " + ENTRY_KEY + " AS entry, CAST(version AS INTEGER) AS v, summary, " + optional(columns, "url") + ", "
                + optional(columns, "title") + ", " + optional(columns, "created") + " FROM entryversion ORDER BY entry, v";
        Map<String, Meta> meta = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return stream(rs, file, source, (row, text) -> {
                text.add("<p>" + (row.getString(3) == null ? "" : row.getString(3)) + "</p>");
                meta.put(row.getString(1) + "/" + row.getInt(2), new Meta(row.getString(4), row.getString(5), instant(row.getString(6))));
            }, (entry, v) -> Objects.requireNonNullElse(meta.remove(entry + "/" + v), Meta.NONE), sink); // removed once used: memory stays one history's
        }
    }

    private interface RowText {
        void add(ResultSet row, List<String> text) throws SQLException;
    }

    private interface MetaLookup {
        Meta of(String entry, int version);
    }

    /** Groups rows ordered by (entry, version) into histories and hands each to the sink as soon as it is complete. */
    private static int stream(ResultSet rs, Path file, String source, RowText rowText, MetaLookup meta, HistoryFile.Sink sink)
            throws SQLException {
        int count = 0;
        String entry = null;
        Map<Integer, List<String>> versions = new TreeMap<>();
        while (rs.next()) {
            String id = rs.getString(1);
            if (entry != null && !entry.equals(id)) {
                sink.accept(item(file, source, entry, versions, meta));
                count++;
                versions = new TreeMap<>();
            }
            entry = id;
            rowText.add(rs, versions.computeIfAbsent(rs.getInt(2), v -> new ArrayList<>()));
        }
        if (entry != null) {
            sink.accept(item(file, source, entry, versions, meta));
            count++;
        }
        return count;
    }

    private static HistoryFile.Item item(Path file, String source, String entry, Map<Integer, List<String>> versions, MetaLookup meta) {
        String url = "https://newsedits.invalid/" + source + "/" + entry;
        List<History.Entry> entries = new ArrayList<>();
        Instant last = null;
        for (Map.Entry<Integer, List<String>> v : versions.entrySet()) {
            Meta m = meta.of(entry, v.getKey());
            if (m.url() != null && entries.isEmpty()) {
                url = m.url();
            }
            Instant at = m.created() != null ? m.created() : UNDATED_ORIGIN.plus(Duration.ofMinutes(v.getKey()));
            if (last != null && !at.isAfter(last)) {
                at = last.plusSeconds(1); // the store needs strictly later versions; the corpus has ties
            }
            last = at;
            String title = m.title() != null && !m.title().isBlank() ? m.title().strip() : source + " entry " + entry;
            entries.add(new History.Entry(v.getKey(), at, title, null, paragraphs(v.getValue()), false));
        }
        return new HistoryFile.Item(file, 0, new History(url, source, null, entries, List.of()), Collections.nCopies(entries.size(), null));
    }

    /** A version's paragraphs: split at the corpus's paragraph marks where it has them, else one per sentence. */
    static List<String> paragraphs(List<String> sentences) {
        boolean marked = sentences.stream().anyMatch(s -> PARAGRAPH_MARK.matcher(s).find());
        List<String> parts = marked ? Arrays.asList(PARAGRAPH_MARK.split(String.join(" ", sentences))) : sentences;
        return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
