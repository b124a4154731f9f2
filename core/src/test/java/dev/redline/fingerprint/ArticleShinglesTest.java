package dev.redline.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArticleShinglesTest {

    /** Every version's set, in order. */
    private static List<long[]> sets(ArticleShingles shingles) {
        return java.util.stream.IntStream.range(0, shingles.versions()).mapToObj(shingles::version).toList();
    }

    /** Versions of one article: each keeps most of the last one's shingles, drops some, adds some. */
    private static List<long[]> history(int versions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> out = new ArrayList<>();
        long[] current = random.longs(300).sorted().distinct().toArray();
        for (int v = 0; v < versions; v++) {
            out.add(current);
            long[] kept = Arrays.stream(current).filter(s -> random.nextInt(10) != 0).toArray();
            long[] added = random.longs(40).toArray();
            current = java.util.stream.LongStream.concat(Arrays.stream(kept), Arrays.stream(added)).sorted().distinct().toArray();
        }
        return out;
    }

    @Test
    void givesBackEveryVersionsSetExactlyAcrossTheByteBoundaryOfItsBits() {
        for (int versions : new int[] {1, 7, 8, 9, 17, 40}) {
            List<long[]> sets = history(versions, versions);
            ArticleShingles shingles = ArticleShingles.of(sets);
            assertThat(shingles.versions()).isEqualTo(versions);
            assertThat(sets(shingles)).as("%d versions", versions).containsExactlyElementsOf(sets);
            assertThat(sets(ArticleShingles.decode(shingles.encode()))).containsExactlyElementsOf(sets);
        }
    }

    @Test
    void aVersionAddedLaterIsTheSameAsOneMadeWithTheRest() {
        List<long[]> sets = history(12, 3);
        ArticleShingles first = ArticleShingles.of(sets.subList(0, 11));
        assertThat(ArticleShingles.decode(first.encode()).plus(sets.get(11)).encode())
                .isEqualTo(ArticleShingles.of(sets).encode());
    }

    @Test
    void emptyAndRepeatedVersionsSurvive() {
        long[] same = {-5, 2, 99};
        List<long[]> sets = List.of(new long[0], same, same, new long[0]);
        assertThat(sets(ArticleShingles.decode(ArticleShingles.of(sets).encode()))).containsExactlyElementsOf(sets);
        assertThat(sets(ArticleShingles.empty())).isEmpty();
    }

    @Test
    void countsWhatACopySharesWithEachVersionAsTheSetsDo() {
        List<long[]> sets = history(11, 5);
        long[] copy = java.util.stream.LongStream.concat(Arrays.stream(sets.get(4)).limit(120), Arrays.stream(new long[] {1, 2, 3}))
                .sorted().distinct().toArray();
        int[] shared = ArticleShingles.of(sets).sharedPerVersion(copy);
        for (int v = 0; v < sets.size(); v++) {
            assertThat(shared[v]).as("version %d", v).isEqualTo(Fingerprint.intersectionSize(copy, sets.get(v)));
        }
    }

    @Test
    void storesTheUnionOnceNotEachVersionsSet() {
        List<long[]> sets = history(10, 7);
        int sideBySide = sets.stream().mapToInt(s -> s.length * 8).sum();
        assertThat(ArticleShingles.of(sets).encode().length).isLessThan(sideBySide / 3);
    }

    @Test
    void refusesBytesOfAnotherFormOrCutShort() {
        byte[] stored = ArticleShingles.of(history(3, 1)).encode();
        assertThatThrownBy(() -> ArticleShingles.decode(Arrays.copyOf(stored, stored.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        byte[] other = stored.clone();
        other[0] = 7;
        assertThatThrownBy(() -> ArticleShingles.decode(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 1");
        assertThatThrownBy(() -> ArticleShingles.decode(new byte[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
