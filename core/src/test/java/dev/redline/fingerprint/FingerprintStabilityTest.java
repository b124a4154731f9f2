package dev.redline.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are stored (the trace index, the Spark jobs' joins), so a faster kernel must give
 * the same values bit for bit: these checksums were taken from the string-building kernel before
 * it was replaced, over texts that reach every folding rule (apostrophes inside and around words,
 * combining marks, non-ASCII capitals whose lower case changes length, figures, short and empty
 * paragraphs).
 */
class FingerprintStabilityTest {
    private static final Fingerprinter FP = Fingerprinter.DEFAULT;

    static List<ArticleText> versions() {
        String a = "The harbour council of Port Wendle voted on Tuesday to close the old ferry terminal after "
                + "engineers found cracks in the pier. Residents said the decision came without warning.";
        String b = "\u201cWe won\u2019t go \u2013 ever,\u201d said Ada Quillon, the mayor of \u0130stanbul-on-Sea, "
                + "whose 21 councillors met the STRASSE committee (Stra\u00dfe) at 9:30 in Caf\u0065\u0301 \u03a3\u039f\u03a6\u0399\u0391.";
        String c = "'Quoted' dogs' bowls, rock'n'roll and O'Brien's 2,400 euros; \u00c9cole \u00e9cole Kessington Vale.";
        List<ArticleText> out = new ArrayList<>();
        out.add(new ArticleText("Ferry terminal to close", "By A. Writer", List.of(a, b)));
        out.add(new ArticleText("Ferry terminal to close", "By A. Writer", List.of(a, b, c)));
        out.add(new ArticleText("FERRY TERMINAL CLOSES", null, List.of(b, "Short one.", "", a)));
        out.add(new ArticleText("", null, List.of()));
        out.add(new ArticleText("Only a headline with 3 figures 4 and 5", null, List.of("x")));
        return out;
    }

    static long checksum(Fingerprint f) {
        long h = f.wordCount();
        for (long[] part : List.of(f.shingles(), f.anchors(), f.bandKeys())) {
            for (long v : part) {
                h = Shingles.mix64(h ^ v);
            }
            h = Shingles.mix64(h + part.length);
        }
        for (int v : f.minHash()) {
            h = Shingles.mix64(h ^ v);
        }
        return h;
    }

    @Test
    void fingerprintsAreTheStoredOnes() {
        List<Long> sums = versions().stream().map(v -> checksum(FP.of(v))).toList();
        assertThat(sums).containsExactly(5502967456576588939L, 2587027254246203712L, 7998110622194696782L, 2602416495523790628L, 1665243498103456215L);
    }

    /** Random texts over an alphabet of the folding's hard cases, from a fixed seed. */
    static List<ArticleText> randomVersions() {
        String[] pieces = {"a", "b", "e", "Z", "Q", "7", "0", " ", " ", " ", " ", ". ", ", ", "'", "\u2019", "\u0301",
            "\u00df", "\u0130", "\u03a3", "\u00c9", "-", "\u201c", "?", "\t", "K", "x", "\ud83d\ude00", "\u00ad"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261201);
        List<ArticleText> out = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = random.nextInt(6); p > 0; p--) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(120); i > 0; i--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                paragraphs.add(text.toString());
            }
            out.add(new ArticleText("Head " + t + " of " + pieces[random.nextInt(pieces.length)], null, paragraphs));
        }
        return out;
    }

    @Test
    void randomTextsFingerprintAsStored() {
        long h = 0;
        for (ArticleText v : randomVersions()) {
            h = Shingles.mix64(h ^ checksum(FP.of(v)));
            for (long s : FP.shingles(v)) {
                h = Shingles.mix64(h ^ s);
            }
        }
        assertThat(h).isEqualTo(-2761674590587358167L);
    }

    @Test
    void shingleSetsAreTheStoredOnes() {
        List<Long> sums = new ArrayList<>();
        for (ArticleText v : versions()) {
            long h = 0;
            for (long s : FP.shingles(v)) {
                h = Shingles.mix64(h ^ s);
            }
            sums.add(h);
        }
        assertThat(sums).containsExactly(-2705149636881045441L, -5031510231317708192L, -2794013526858159283L, 0L, 6725839677615198139L);
    }

    @Test
    void anArticlesVersionsTogetherFingerprintAsEachAlone() {
        List<ArticleText> versions = new ArrayList<>(versions());
        versions.addAll(randomVersions().subList(0, 40));
        List<Fingerprint> together = FP.ofVersions(versions);
        List<long[]> shingles = FP.shinglesOfVersions(versions);
        assertThat(together).hasSize(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            assertThat(checksum(together.get(i))).as("version %d", i).isEqualTo(checksum(FP.of(versions.get(i))));
            assertThat(shingles.get(i)).as("version %d", i).isEqualTo(FP.shingles(versions.get(i)));
        }
    }
}
