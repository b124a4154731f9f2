/**
 * NewsEdits rows: the sentence operations between consecutive versions of an article, one row
 * each. Entry class {@link dev.redline.newsedits.NewsEdits}; pure (no I/O). Null contract: every
 * argument is non-null unless a parameter says "or null" (the source name, the indexes and texts a
 * row lacks).
 */
package dev.redline.newsedits;
