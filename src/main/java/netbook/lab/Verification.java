package netbook.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks made while a {@code {verify}} cell runs, a part of its {@link Session}: the notebook
 * runner begins it before the cell and ends it after, and the cell fails when one of them did.
 * Outside a verify cell nothing is kept (the REPL's checks are only printed).
 */
public final class Verification {
  private final List<Check> checks = new ArrayList<>();
  private boolean open;

  /** The session's verification. */
  public static Verification of(Session session) {
    return session.part(Verification.class, s -> new Verification());
  }

  /** A verify cell starts: the checks from now on count. */
  public synchronized void begin() {
    checks.clear();
    open = true;
  }

  /** The verify cell ended: the checks it made, in order. */
  public synchronized List<Check> end() {
    open = false;
    List<Check> made = List.copyOf(checks);
    checks.clear();
    return made;
  }

  synchronized void made(Check check) {
    if (open) {
      checks.add(check);
    }
  }

  /** {@code check} again with its hint: replaces the one made (a check counts once). */
  synchronized void hinted(Check check, Check withHint) {
    if (!open) {
      return;
    }
    for (int i = checks.size() - 1; i >= 0; i--) {
      if (checks.get(i) == check) {
        checks.set(i, withHint);
        return;
      }
    }
    checks.add(withHint);
  }
}
