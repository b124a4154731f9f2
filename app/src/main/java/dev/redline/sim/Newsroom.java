package dev.redline.sim;

import dev.redline.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fictional histories a {@link NewsroomSimulator} serves: sources, their stories and each
 * story's versions over time. Immutable.
 */
public record Newsroom(List<SimSource> sources) {
    public Newsroom {
        sources = List.copyOf(sources);
    }

    /** The hand-written fictional day of news shipped with Redline ({@code /sim/newsroom.json}). */
    public static Newsroom fictionalDay() {
        try (InputStream in = Newsroom.class.getResourceAsStream("/sim/newsroom.json")) {
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in newsroom", e);
        }
    }

    /**
     * Reads a newsroom from JSON: {@code {"sources":[{"name","title","stories":[{"slug","unpublishAt"?,
     * "versions":[{"at":"PT2H","title","byline"?,"paragraphs":[…]}]}]}]}}.
     */
    public static Newsroom parse(JsonNode root) {
        List<SimSource> sources = new ArrayList<>();
        for (JsonNode s : root.path("sources")) {
            List<Story> stories = new ArrayList<>();
            for (JsonNode st : s.path("stories")) {
                List<StoryVersion> versions = new ArrayList<>();
                for (JsonNode v : st.path("versions")) {
                    List<String> paragraphs = new ArrayList<>();
                    v.path("paragraphs").forEach(p -> paragraphs.add(p.asString()));
                    Set<Integer> headings = new HashSet<>();
                    v.path("headings").forEach(h -> headings.add(h.asInt()));
                    versions.add(new StoryVersion(Duration.parse(v.path("at").asString()), v.path("title").asString(),
                            v.path("byline").asString(null), paragraphs, headings));
                }
                String unpublish = st.path("unpublishAt").asString(null);
                stories.add(new Story(st.path("slug").asString(), versions,
                        unpublish == null ? null : Duration.parse(unpublish)));
            }
            sources.add(new SimSource(s.path("name").asString(), s.path("title").asString(), stories));
        }
        return new Newsroom(sources);
    }

    /**
     * One site of {@code stories} synthetic articles under {@code chrome}, a new one every
     * {@code spacing}, each with {@code versions} versions 40 minutes apart (each rewrites a
     * paragraph). Every article opens with a dateline ("GREYMOOR, May 14") and closes with a
     * sign-off ("Reporting by Ada Okafor"): short lines of the article's own, which generic
     * extraction rules trim from the edges. Deterministic for a seed.
     */
    public static Newsroom templated(String name, SiteChrome chrome, int stories, int versions, Duration spacing,
                                     long seed) {
        Random random = new Random(seed);
        List<Story> out = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            Duration at = spacing.multipliedBy(s);
            String title = SyntheticText.headline(random);
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(SyntheticText.dateline(random));
            for (int p = 0; p < 3 + random.nextInt(3); p++) {
                paragraphs.add(SyntheticText.paragraph(random));
            }
            paragraphs.add("Reporting by " + SyntheticText.name(random));
            List<StoryVersion> history = new ArrayList<>();
            history.add(new StoryVersion(at, title, null, paragraphs));
            for (int v = 1; v < versions; v++) {
                paragraphs = new ArrayList<>(paragraphs);
                paragraphs.set(1 + random.nextInt(paragraphs.size() - 2), SyntheticText.paragraph(random));
                history.add(new StoryVersion(at.plus(Duration.ofMinutes(40L * v)), title, null, paragraphs));
            }
            out.add(new Story(name + "-" + s, history, null));
        }
        return new Newsroom(List.of(new SimSource(name, "The " + name + " Courier", out, chrome)));
    }

    /**
     * A large synthetic newsroom for load tests: {@code sources × articlesPerSource} articles, each
     * with {@code versionsPerArticle} versions spread over {@code span}, deterministic for a seed.
     * Each new version rewrites a sentence, adds one, or changes the headline.
     */
    public static Newsroom generated(int sources, int articlesPerSource, int versionsPerArticle, Duration span,
                                     long seed) {
        Random random = new Random(seed);
        List<SimSource> out = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            List<Story> stories = new ArrayList<>();
            for (int a = 0; a < articlesPerSource; a++) {
                Duration first = Duration.ofSeconds((long) (random.nextDouble() * span.toSeconds() / 4));
                List<String> paragraphs = new ArrayList<>();
                for (int p = 0; p < 4 + random.nextInt(5); p++) {
                    paragraphs.add(SyntheticText.paragraph(random));
                }
                String title = SyntheticText.headline(random);
                String byline = "By " + SyntheticText.name(random);
                List<StoryVersion> versions = new ArrayList<>();
                versions.add(new StoryVersion(first, title, byline, paragraphs));
                Duration at = first;
                for (int v = 1; v < versionsPerArticle; v++) {
                    at = at.plus(Duration.ofSeconds(600 + (long) (random.nextDouble() * span.toSeconds()
                            / Math.max(1, versionsPerArticle) / 2)));
                    paragraphs = new ArrayList<>(paragraphs);
                    switch (random.nextInt(3)) {
                        case 0 -> title = SyntheticText.headline(random);
                        case 1 -> paragraphs.add(1 + random.nextInt(paragraphs.size()), SyntheticText.paragraph(random));
                        default -> paragraphs.set(random.nextInt(paragraphs.size()), SyntheticText.paragraph(random));
                    }
                    versions.add(new StoryVersion(at, title, byline, paragraphs));
                }
                stories.add(new Story("story-" + s + "-" + a, versions, null));
            }
            out.add(new SimSource("wire-" + s, "Wire Service " + s, stories));
        }
        return new Newsroom(out);
    }
}
