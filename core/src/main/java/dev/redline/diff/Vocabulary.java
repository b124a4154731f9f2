package dev.redline.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word ids of one comparison, so similarity works on ints. Not thread-safe. */
final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    int id(String word) {
        return ids.computeIfAbsent(word, w -> {
            words.add(w);
            return words.size() - 1;
        });
    }

    int size() {
        return words.size();
    }

    /** Length of the word with this id. */
    int length(int id) {
        return words.get(id).length();
    }
}
