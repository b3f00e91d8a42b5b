package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netbook.engine.PortBinding;

/** A container of the model (mutable, guarded by the model's lock). */
final class ContainerState {
  final String id;
  final String name;
  final Instant created;
  final String imageRef;
  final ImageRecord image;
  final List<String> entrypoint;
  final List<String> cmd;
  final List<String> env;
  final Map<String, String> labels;
  final String hostname;
  final String domainname;
  final boolean tty;
  final boolean openStdin;
  final String networkMode;
  final List<PortBinding> portBindings;
  final List<String> dns;
  final boolean autoRemove;

  String status = "created";
  int exitCode;
  int pid;
  Instant startedAt;
  Instant finishedAt;

  /** Published ports as bound by the last start: hostPort is the actual port. */
  final List<PortBinding> boundPorts = new ArrayList<>();

  /** Configured networks in connect order, by network id. */
  final Map<String, EndpointState> endpoints = new LinkedHashMap<>();

  /** The container whose network namespace this one joins (NetworkMode container:ID), or null. */
  ContainerState namespaceOwner;

  /** The HostConfig JSON as the create request sent it (inspect echoes its fields). */
  com.fasterxml.jackson.databind.JsonNode requestedHostConfig =
      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

  final List<LogEntry> logs = new ArrayList<>();
  final List<String> execIds = new ArrayList<>();

  /** One chunk of a container's output, as the logs endpoint replays it. */
  record LogEntry(int stream, String text) {}

  ContainerState(
      String id,
      String name,
      Instant created,
      String imageRef,
      ImageRecord image,
      List<String> entrypoint,
      List<String> cmd,
      List<String> env,
      Map<String, String> labels,
      String hostname,
      String domainname,
      boolean tty,
      boolean openStdin,
      String networkMode,
      List<PortBinding> portBindings,
      List<String> dns,
      boolean autoRemove) {
    this.id = id;
    this.name = name;
    this.created = created;
    this.imageRef = imageRef;
    this.image = image;
    this.entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    this.cmd = List.copyOf(cmd);
    this.env = List.copyOf(env);
    this.labels = Map.copyOf(labels);
    this.hostname = hostname;
    this.domainname = domainname;
    this.tty = tty;
    this.openStdin = openStdin;
    this.networkMode = networkMode;
    this.portBindings = List.copyOf(portBindings);
    this.dns = List.copyOf(dns);
    this.autoRemove = autoRemove;
  }

  boolean running() {
    return "running".equals(status);
  }

  String shortId() {
    return id.substring(0, 12);
  }

  /** The process Docker runs: entrypoint followed by cmd. */
  List<String> command() {
    List<String> all = new ArrayList<>();
    if (entrypoint != null) {
      all.addAll(entrypoint);
    }
    all.addAll(cmd);
    return all;
  }

  boolean hostMode() {
    return "host".equals(networkMode);
  }

  boolean noneMode() {
    return "none".equals(networkMode);
  }

  /** The container whose namespace this container lives in (itself unless container:ID). */
  ContainerState namespace() {
    return namespaceOwner == null ? this : namespaceOwner.namespace();
  }

  @Override
  public String toString() {
    return "container " + name + " (" + imageRef + ", " + status + ")";
  }
}
