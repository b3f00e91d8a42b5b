package netbook.engine.embedded.model;

import java.util.List;

/** An exec instance: created by POST /containers/{id}/exec, run by POST /exec/{id}/start. */
public final class ExecState {
  private final String id;
  private final String containerId;
  private final ExecSpec spec;
  private boolean started;
  private Integer exitCode;
  private int pid;

  ExecState(String id, String containerId, ExecSpec spec) {
    this.id = id;
    this.containerId = containerId;
    this.spec = spec;
  }

  public String id() {
    return id;
  }

  public String containerId() {
    return containerId;
  }

  public List<String> cmd() {
    return spec.cmd();
  }

  public boolean tty() {
    return spec.tty();
  }

  public boolean attachStdout() {
    return spec.attachStdout();
  }

  public boolean attachStderr() {
    return spec.attachStderr();
  }

  public boolean attachStdin() {
    return spec.attachStdin();
  }

  public boolean started() {
    return started;
  }

  /** The exit code, or null before it ran. */
  public Integer exitCode() {
    return exitCode;
  }

  public int pid() {
    return pid;
  }

  void start(int newPid) {
    started = true;
    pid = newPid;
  }

  void exited(int code) {
    exitCode = code;
  }

  @Override
  public String toString() {
    return "exec " + String.join(" ", cmd()) + (exitCode == null ? "" : " (exit " + exitCode + ")");
  }
}
