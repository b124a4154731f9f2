package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.store.History;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Reads a NewsEdits SQLite dump (Spangher et al., 2022) as article histories for
 * {@code redline import --format newsedits-sqlite}. The dump's {@code split_sentences(entry_id,
 * version, sent_idx, sentence)} gives each version's text, one sentence per paragraph (the corpus
 * keeps no paragraph breaks); {@code matched_sentences} is the corpus's own alignment and is not
 * needed, since Redline diffs the texts itself. Where the dump also has the corpus's
 * {@code entryversion} table, its {@code url}, {@code title} and {@code created} are used; otherwise
 * an article's URL is {@code https://newsedits.invalid/SOURCE/ENTRY_ID}, its headline
 * "SOURCE entry ENTRY_ID", and version N is dated {@link #UNDATED_ORIGIN} plus N minutes. The dump
 * is opened read-only. The source name is the file name without extension.
 */
final class NewsEditsDump {
    /** Stand-in date of undated versions: clearly not a real fetch time, and ordered. */
    static final Instant UNDATED_ORIGIN = Instant.parse("2000-01-01T00:00:00Z");

    private NewsEditsDump() {
    }

    /** Reads every entry of the dump, in entry order, and returns how many there were. */
    static int read(Path file, HistoryFile.Sink sink) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        String source = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        try (Connection c = ds.getConnection()) {
            Set<String> tables = tables(c);
            if (!tables.contains("split_sentences")) {
                throw new BadInput(file + ": not a NewsEdits dump (no split_sentences table)");
            }
            Map<String, Meta> meta = tables.contains("entryversion") ? meta(c) : Map.of();
            return entries(c, file, source, meta, sink);
        } catch (SQLException e) {
            throw new BadInput(file + ": cannot read it as a NewsEdits SQLite dump: " + e.getMessage(), e);
        }
    }

    /** One version's details from {@code entryversion}; any of them may be null. */
    private record Meta(String url, String title, Instant created) {
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[]{"TABLE", "VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static Map<String, Meta> meta(Connection c) throws SQLException {
        Map<String, Meta> meta = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, version, url, title, created FROM entryversion");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1) + "/" + rs.getInt(2), new Meta(rs.getString(3), rs.getString(4), instant(rs.getString(5))));
            }
        }
        return meta;
    }

    /** The corpus writes {@code created} as "2019-05-01 12:00:00" (UTC) or ISO-8601; anything else counts as undated. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int entries(Connection c, Path file, String source, Map<String, Meta> meta, HistoryFile.Sink sink)
            throws SQLException {
        // ordered by entry, so one entry's sentences are together: the dump is streamed, one history in memory
        String sql = "SELECT entry_id, CAST(version AS INTEGER), CAST(sent_idx AS INTEGER), sentence FROM split_sentences"
                + " ORDER BY entry_id, CAST(version AS INTEGER), CAST(sent_idx AS INTEGER)";
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
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
                String sentence = rs.getString(4);
                versions.computeIfAbsent(rs.getInt(2), v -> new ArrayList<>()).add(sentence == null ? "" : sentence.strip());
            }
            if (entry != null) {
                sink.accept(item(file, source, entry, versions, meta));
                count++;
            }
        }
        return count;
    }

    private static HistoryFile.Item item(Path file, String source, String entry, Map<Integer, List<String>> versions,
                                         Map<String, Meta> meta) {
        String url = "https://newsedits.invalid/" + source + "/" + entry;
        List<History.Entry> entries = new ArrayList<>();
        Instant last = null;
        for (Map.Entry<Integer, List<String>> v : versions.entrySet()) {
            Meta m = meta.getOrDefault(entry + "/" + v.getKey(), new Meta(null, null, null));
            if (m.url() != null && entries.isEmpty()) {
                url = m.url();
            }
            Instant at = m.created() != null ? m.created() : UNDATED_ORIGIN.plus(Duration.ofMinutes(v.getKey()));
            if (last != null && !at.isAfter(last)) {
                at = last.plusSeconds(1); // the store needs strictly later versions; the corpus has ties
            }
            last = at;
            List<String> paragraphs = v.getValue().stream().filter(s -> !s.isEmpty()).toList();
            String title = m.title() != null ? m.title() : source + " entry " + entry;
            entries.add(new History.Entry(v.getKey(), at, title, null, paragraphs, false));
        }
        return new HistoryFile.Item(file, 0, new History(url, source, null, entries, List.of()), Collections.nCopies(entries.size(), null));
    }
}
