package netbook.engine.embedded.model;

import java.util.List;

/** An exec instance: created by POST /containers/{id}/exec, run by POST /exec/{id}/start. */
final class ExecState {
  final String id;
  final String containerId;
  final List<String> cmd;
  final boolean tty;
  final boolean attachStdout;
  final boolean attachStderr;
  boolean started;
  Integer exitCode;
  int pid;

  ExecState(
      String id,
      String containerId,
      List<String> cmd,
      boolean tty,
      boolean attachStdout,
      boolean attachStderr) {
    this.id = id;
    this.containerId = containerId;
    this.cmd = List.copyOf(cmd);
    this.tty = tty;
    this.attachStdout = attachStdout;
    this.attachStderr = attachStderr;
  }

  @Override
  public String toString() {
    return "exec " + String.join(" ", cmd) + (exitCode == null ? "" : " (exit " + exitCode + ")");
  }
}
