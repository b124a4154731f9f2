package dev.redline.diff;

import dev.redline.article.ArticleText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One hand-labelled version pair from {@code src/test/resources/diff-labelled} (format in the
 * README there) and the alignment it expects, as (op, oldIndex, newIndex) links.
 */
record LabelledPair(String name, ArticleText old, ArticleText neu, List<String> oldSentences,
                    List<String> newSentences, Set<Link> expected) {

    /** The sets of the README in {@code diff-labelled}, by the pair's number. */
    enum Group {
        TUNED(1, 32), HELD_OUT_1(33, 38), DEV(39, 60), HELD_OUT_2(61, 71), HELD_OUT_3(72, 83), HELD_OUT_4(84, 115), HELD_OUT_5(116, 147);

        private final int first;
        private final int last;

        Group(int first, int last) {
            this.first = first;
            this.last = last;
        }

        static Group of(String fileName) {
            int number = Integer.parseInt(fileName.substring(0, fileName.indexOf('.')));
            for (Group group : values()) {
                if (number >= group.first && number <= group.last) {
                    return group;
                }
            }
            throw new IllegalArgumentException(fileName + " is in no set of the diff-labelled README");
        }
    }

    Group group() {
        return Group.of(name);
    }

    /** One alignment decision; -1 stands for "no sentence on this side". */
    record Link(String op, int oldIndex, int newIndex) {
    }

    static List<LabelledPair> all() {
        try {
            Path dir = Path.of(LabelledPair.class.getResource("/diff-labelled").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted()
                        .map(LabelledPair::read).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Side {
        String title = "";
        final List<String> paragraphs = new ArrayList<>();
        final List<String> sentences = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        StringBuilder paragraph;

        void endParagraph() {
            if (paragraph != null) {
                paragraphs.add(paragraph.toString());
                paragraph = null;
            }
        }
    }

    static LabelledPair read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Side old = new Side();
        Side neu = new Side();
        Side side = null;
        for (String line : lines) {
            if (line.equals("=== old") || line.equals("=== new")) {
                side = line.endsWith("old") ? old : neu;
            } else if (line.isBlank()) {
                if (side != null) {
                    side.endParagraph();
                }
            } else {
                int colon = line.indexOf(": ");
                String label = line.substring(0, colon);
                String text = line.substring(colon + 2);
                if (label.equals("T")) {
                    side.title = text;
                    continue;
                }
                side.labels.add(label);
                side.sentences.add(text);
                side.paragraph = side.paragraph == null ? new StringBuilder(text) : side.paragraph.append(' ').append(text);
            }
        }
        old.endParagraph();
        neu.endParagraph();
        return new LabelledPair(file.getFileName().toString(), new ArticleText(old.title, null, old.paragraphs),
                new ArticleText(neu.title, null, neu.paragraphs), old.sentences, neu.sentences, links(old, neu));
    }

    private static Set<Link> links(Side old, Side neu) {
        Map<String, Integer> oldIndex = new HashMap<>();
        for (int i = 0; i < old.labels.size(); i++) {
            oldIndex.put(old.labels.get(i), i);
        }
        Map<String, List<Integer>> newByOld = new LinkedHashMap<>();
        Set<Link> links = new HashSet<>();
        Set<Integer> used = new HashSet<>();
        for (int j = 0; j < neu.labels.size(); j++) {
            String label = neu.labels.get(j);
            if (label.equals("+")) {
                links.add(new Link("add", -1, j));
                continue;
            }
            boolean moved = label.endsWith(">");
            for (String id : label.replace(">", "").split(",")) {
                newByOld.computeIfAbsent(id, k -> new ArrayList<>()).add(j);
            }
            if (moved) {
                int i = oldIndex.get(label.replace(">", ""));
                links.add(new Link("move", i, j));
                used.add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : newByOld.entrySet()) {
            int i = oldIndex.get(e.getKey());
            if (used.contains(i)) {
                continue;
            }
            used.add(i);
            List<Integer> js = e.getValue();
            boolean grouped = js.size() > 1 || neu.labels.get(js.get(0)).contains(",");
            for (int j : js) {
                boolean same = !grouped && dev.redline.text.Normalize.key(old.sentences.get(i))
                        .equals(dev.redline.text.Normalize.key(neu.sentences.get(j)));
                links.add(new Link(same ? "same" : "edit", i, j));
            }
        }
        for (int i = 0; i < old.labels.size(); i++) {
            if (!used.contains(i)) {
                links.add(new Link("delete", i, -1));
            }
        }
        return links;
    }

    /** The links a diff result makes, in the same terms as {@link #expected()}. */
    static Set<Link> predicted(DiffResult result) {
        Set<Link> links = new HashSet<>();
        for (SentenceOp op : result.ops()) {
            String name = op.op().toString();
            switch (op.op()) {
                case ADD -> links.add(new Link(name, -1, op.newIndex()));
                case DELETE -> links.add(new Link(name, op.oldIndex(), -1));
                default -> {
                    for (int i = op.oldIndex(); i < op.oldIndex() + op.oldCount(); i++) {
                        for (int j = op.newIndex(); j < op.newIndex() + op.newCount(); j++) {
                            links.add(new Link(name, i, j));
                        }
                    }
                }
            }
        }
        return links;
    }
}
