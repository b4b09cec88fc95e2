package se.tidigt.cases.api;

import java.time.YearMonth;

/**
 * The child as the platform knows it: a keyed pseudonym (the same child always gets the same one),
 * the birth month (for ages) and whether the file is kept for research when the rest is weeded.
 * The personal identity number itself is never part of it.
 */
public record Child(String pseudonym, YearMonth birthMonth, boolean keptForResearch) {
}
