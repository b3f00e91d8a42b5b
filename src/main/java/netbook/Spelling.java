package netbook;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean …?": the known name closest to a mistyped one, if one is close enough. Closeness is
 * commons-text's Levenshtein distance (ignoring case) of at most a third of the name's length (at
 * least 1, at most 3: {@code netwroks} → {@code networks}, {@code pingg} → {@code ping}); ties go
 * to the higher Jaro-Winkler similarity, which favours a shared beginning.
 */
public final class Spelling {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private Spelling() {}

  /** The candidate closest to {@code typed}, if close enough (never {@code typed} itself). */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, t.length() / 3));
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    double bestSimilarity = -1;
    for (String c : candidates) {
      if (c.equals(typed)) {
        continue;
      }
      String lc = c.toLowerCase(Locale.ROOT);
      int d = distance.apply(t, lc);
      if (d < 0) {
        continue; // beyond the limit
      }
      double sim = JARO_WINKLER.apply(t, lc);
      if (d < bestDistance || (d == bestDistance && sim > bestSimilarity)) {
        best = c;
        bestDistance = d;
        bestSimilarity = sim;
      }
    }
    return Optional.ofNullable(best);
  }
}
