package dev.redline.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Elements taken out of a page, each with where it was, so that they can be put back exactly: the
 * relaxed retry reads the page with the strict pass's unlikely elements restored instead of parsing
 * and preparing it a second time (a parse is a third of extraction's time). Used by one thread on
 * one document.
 */
final class Detached {
    private record Cut(Element element, Element parent, int index) {
    }

    private final List<Cut> cuts;

    private Detached(List<Cut> cuts) {
        this.cuts = cuts;
    }

    /** Removes {@code elements} in order (an element inside an earlier one included) and remembers their places. */
    static Detached remove(List<Element> elements) {
        List<Cut> cuts = new ArrayList<>(elements.size());
        for (Element e : elements) {
            Element parent = e.parent();
            if (parent != null) {
                cuts.add(new Cut(e, parent, e.siblingIndex()));
                e.remove();
            }
        }
        return new Detached(cuts);
    }

    /** The elements the removed ones were taken out of, in the order of removal. */
    List<Element> parents() {
        List<Element> parents = new ArrayList<>(cuts.size());
        for (Cut cut : cuts) {
            parents.add(cut.parent());
        }
        return parents;
    }

    /** Puts every element back where it was, last removed first, so each finds its place as it was left. */
    void restore() {
        for (int i = cuts.size() - 1; i >= 0; i--) {
            Cut cut = cuts.get(i);
            cut.parent().insertChildren(cut.index(), cut.element());
        }
    }

    /** Removes the elements again, leaving the page as {@link #remove} did. */
    void removeAgain() {
        for (Cut cut : cuts) {
            cut.element().remove();
        }
    }
}
