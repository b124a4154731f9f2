package dev.redline.provenance;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which version of an article a copy carries, decided from the article's own history ({@link History}): the
 * differences between consecutive versions ({@link Features}) are the evidence, and for each one
 * the copy is read for which side it carries. Entry point of {@code dev.redline.provenance}; pure
 * and thread-safe.
 *
 * <p>The rule: every piece of evidence adds its weight to the versions that agree with the copy
 * and takes it from those that disagree. Figures and names weigh {@value Features#KEYWORD_WEIGHT}, other
 * words, headlines, sentences and order 1; a sentence the copy <em>lacks</em> weighs only
 * {@value Features#ABSENCE_WEIGHT}, because an excerpt lacks text without contradicting anything.
 * The version with the highest score is named, the earliest on a true tie, and every version
 * sharing that score is listed as consistent: when the evidence does not separate versions, the
 * answer says so instead of guessing.
 *
 * @param version    the version named: the best supported, the earliest among equals
 * @param consistent every version as well supported as {@code version}, ascending (includes it)
 * @param evidence   the differences that decided, strongest first, at most {@value #MAX_EVIDENCE}
 */
public record Attribution(int version, List<Integer> consistent, List<Evidence> evidence) {
    /** Evidence items reported (all are weighed). */
    public static final int MAX_EVIDENCE = 20;

    public Attribution {
        consistent = List.copyOf(consistent);
        evidence = List.copyOf(evidence);
    }

    /**
     * Attributes a copy to one of the versions.
     *
     * @param versions the article's versions in order (index = version number); not empty
     * @param copy     the copied text
     */
    public static Attribution of(List<ArticleText> versions, ArticleText copy) {
        return History.of(versions).attribute(Passage.of(copy));
    }

    /** The rule above over a prepared history ({@link History#attribute}). */
    static Attribution weigh(List<Passage> passages, List<Features.Feature> features, Passage copied) {
        double[] score = new double[passages.size()];
        List<Weighed> weighed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Features.Feature feature : features) {
            int side = feature.copy(copied);
            if (side < 0) {
                continue;
            }
            List<Integer> supports = new ArrayList<>();
            List<Integer> contradicts = new ArrayList<>();
            for (int v = 0; v < passages.size(); v++) {
                int reading = feature.version(passages.get(v));
                if (reading == side) {
                    supports.add(v);
                } else if (reading == 1 - side) {
                    contradicts.add(v);
                }
            }
            Evidence evidence = feature.evidence(side, supports, contradicts);
            if (contradicts.isEmpty() || !seen.add(evidence.kind() + "\u0000" + evidence.text() + "\u0000" + evidence.instead())) {
                continue;
            }
            double weight = feature.weight(side);
            supports.forEach(v -> score[v] += weight);
            contradicts.forEach(v -> score[v] -= weight);
            weighed.add(new Weighed(evidence, weight));
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            best = Math.max(best, s);
        }
        List<Integer> consistent = new ArrayList<>();
        for (int v = 0; v < score.length; v++) {
            if (score[v] > best - 1e-9) {
                consistent.add(v);
            }
        }
        List<Evidence> shown = weighed.stream()
                .sorted(Comparator.comparingDouble(Weighed::weight).reversed().thenComparingInt(w -> w.evidence().from()))
                .limit(MAX_EVIDENCE).map(Weighed::evidence).toList();
        return new Attribution(consistent.getFirst(), consistent, shown);
    }

    private record Weighed(Evidence evidence, double weight) {
    }
}
