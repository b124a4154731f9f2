import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Store;
import dev.redline.store.VersionField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeds a store with N generated fictional articles of three versions each (an edit, then a move and
 * an addition), for bench/load.sh. Run with the application jar on the class path:
 * {@code java -cp app/target/redline.jar bench/web/SeedStore.java JDBC_URL N}.
 */
public class SeedStore {
    static final String[] WHO = {"The town council", "The harbour authority", "A spokesperson for the ferry line",
            "The regional court", "Local fishermen", "The school board", "Residents of the old quarter",
            "The mayor's office", "The weather service", "Engineers at the shipyard"};
    static final String[] DID = {"said on Monday that", "warned that", "confirmed that", "denied reports that",
            "announced that", "argued that", "told reporters that", "estimated that"};
    static final String[] WHAT = {"the bridge would open later than planned", "costs had risen by a tenth",
            "the storm damaged three piers", "the vote would be held in public", "no decision had been taken",
            "the budget for repairs was exhausted", "a new ferry would enter service in spring",
            "the inquiry would publish its findings next month", "tourism had recovered after the floods",
            "water levels were the highest in forty years"};

    public static void main(String[] args) {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-11-01T06:00:00Z");
        try (Store store = Store.open(url)) {
            long source = store.addSource("bench-gazette", List.of("http://127.0.0.1:9/bench.xml"), List.of(),
                    ExtractRules.NONE).id();
            for (int i = 0; i < n; i++) {
                Instant seen = t0.plusSeconds(i * 60L);
                Article a = store.upsertArticle("https://bench.example/news/" + i, source, seen);
                List<String> body = new ArrayList<>();
                for (int p = 0; p < 8; p++) {
                    body.add(sentence(random) + " " + sentence(random));
                }
                String title = "Story " + i + ": " + WHAT[random.nextInt(WHAT.length)];
                store.appendVersion(a.id(), new NewVersion(seen, new ArticleText(title, "By Bench Reporter", body),
                        Set.of(), false, null, null));
                List<String> edited = new ArrayList<>(body);
                edited.set(2, edited.get(2).replace(" that ", " on Tuesday that "));
                store.appendVersion(a.id(), new NewVersion(seen.plusSeconds(3 * 3600),
                        new ArticleText(title + ", officials say", "By Bench Reporter", edited),
                        Set.of(VersionField.TITLE, VersionField.BODY), false, null, null));
                List<String> moved = new ArrayList<>(edited);
                moved.add(moved.remove(1));
                moved.add(sentence(random));
                store.appendVersion(a.id(), new NewVersion(seen.plusSeconds(9 * 3600),
                        new ArticleText(title + ", officials say", "By Bench Reporter", moved),
                        Set.of(VersionField.BODY), false, null, null));
                if ((i + 1) % 1000 == 0) {
                    System.err.println("seeded " + (i + 1) + " articles");
                }
            }
            System.err.println("store holds " + store.articleCount() + " articles, " + store.versionCount() + " versions");
        }
    }

    static String sentence(Random r) {
        return WHO[r.nextInt(WHO.length)] + " " + DID[r.nextInt(DID.length)] + " " + WHAT[r.nextInt(WHAT.length)] + ".";
    }
}
