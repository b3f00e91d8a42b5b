package netbook.repl;

import java.nio.file.Path;

/**
 * How a REPL behaves: where history persists (null: in memory only), colour (off for NO_COLOR and
 * dumb terminals), stack traces, and whether leaving removes the session's resources without asking
 * ({@code --cleanup}).
 */
public record ReplOptions(Path history, boolean color, boolean verbose, boolean cleanupOnExit) {}
