package netbook.console;

import netbook.lab.Session;

/** What a docker subcommand works with: the session, target lookup, its printer, the console. */
record CommandContext(Session session, Targets targets, CommandOutput out, DockerConsole console) {}
