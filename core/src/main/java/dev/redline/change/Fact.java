package dev.redline.change;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fact a version changed: a number, a name, a quotation, a deleted sentence or a sentence
 * whose meaning was reversed.
 *
 * @param oldText what the earlier version said (JSON {@code old}), or null when the fact is new
 * @param newText what this version says (JSON {@code new}), or null when it was removed
 * @param kind    which kind of fact it is
 */
public record Fact(@JsonProperty("old") String oldText, @JsonProperty("new") String newText, FactKind kind) {
}
