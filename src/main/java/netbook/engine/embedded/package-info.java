/**
 * The embedded engine: an in-process implementation of the Docker Engine API (v1.41, as dockerd
 * 20.10 answers it) for machines without Docker. It is docker-java-free; {@code
 * netbook.engine.docker.EmbeddedHttpClient} puts it behind docker-java, and {@link
 * netbook.engine.embedded.EmbeddedServer} serves it on loopback TCP for the docker CLI.
 *
 * <p>{@link netbook.engine.embedded.EmbeddedDockerApi} wires three packages, each depending only on
 * those after it: {@code api} (routes and Docker's JSON), {@code busybox} (the emulated commands)
 * and {@code model} (networks, containers, endpoints and addresses, changed only through {@link
 * netbook.engine.embedded.model.DockerModel}).
 *
 * <h2>Endpoints (versioned {@code /v1.NN/…} and unversioned)</h2>
 *
 * <ul>
 *   <li>{@code GET|HEAD /_ping} (API-Version, Docker-Experimental, OSType headers), {@code GET
 *       /version}, {@code GET /info} (minimal)
 *   <li>{@code GET /networks} (filters name, id, driver, type, scope, label), {@code GET
 *       /networks/{id}}, {@code POST /networks/create}, {@code DELETE /networks/{id}}, {@code POST
 *       /networks/{id}/connect|disconnect}, {@code POST /networks/prune} (label filters)
 *   <li>{@code GET /containers/json} (all, filters label, name, id, status, network), {@code POST
 *       /containers/create}, {@code GET /containers/{id}/json}, {@code POST
 *       /containers/{id}/start|stop|kill|restart|rename}, {@code DELETE /containers/{id}} (force),
 *       {@code GET /containers/{id}/logs}, {@code POST /containers/{id}/wait}, {@code POST
 *       /containers/{id}/resize}
 *   <li>{@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start} (8-byte stream frames, or
 *       raw with a TTY), {@code GET /exec/{id}/json}, {@code POST /exec/{id}/resize}
 *   <li>Served ({@link netbook.engine.embedded.EmbeddedDockerApi#handleLive}) only: exec start and
 *       {@code POST /containers/{id}/attach} take the connection over (101 UPGRADED) and what is
 *       typed on stdin runs in an interactive {@code sh}; {@code logs?follow=1} streams until the
 *       container stops; {@code wait} waits (not-running, next-exit, removed)
 *   <li>{@code GET /images/json}, {@code GET /images/{name}/json}, {@code POST /images/create}
 *       (instant pulls of ubuntu, alpine, busybox, nginx and the netbook/* lab images, any tag;
 *       others: Docker's "pull access denied"), {@code DELETE /images/{name}}, {@code GET
 *       /images/{name}/get} and {@code POST /images/load} (archives of manifest.json only: the
 *       catalogue knows what an image does)
 *   <li>{@code POST /swarm/init|join|leave}, {@code GET /swarm} (JoinTokens), {@code GET /nodes},
 *       {@code GET /nodes/{id}}, with dockerd's errors (already part of a swarm, not a manager, no
 *       swarm, wrong token, no manager at that address)
 *   <li>{@code POST /services/create}, {@code GET /services} (filters name, id, label), {@code GET
 *       /services/{id}}, {@code POST /services/{id}/update?version=N}, {@code DELETE
 *       /services/{id}}, {@code GET /tasks} (filters service, desired-state, node, id, name) and
 *       {@code GET /tasks/{id}}, on a manager, with swarmkit's errors (name conflict, update out of
 *       sequence, dnsrr with published ports)
 * </ul>
 *
 * <h2>Swarm nodes</h2>
 *
 * <p>A started container of {@code netbook/node} (its command a {@code dockerd}) whose port 2375 is
 * published gets an embedded engine of its own ({@code NodeEngineServers}), served on the published
 * loopback port until the container stops, is removed or the outer engine closes; its name is the
 * container's hostname and it starts without images ({@code docker load} them). The nodes of one
 * outer engine share a registry of swarms ({@link netbook.engine.embedded.model.SwarmClusters}): a
 * join finds its swarm by the manager's advertised address. A manager lists the ingress overlay
 * (10.0.0.0/24) from the start; a node's first container on an overlay brings docker_gwbridge (the
 * next bridge pool: 172.18.0.0/16 on a fresh node) and, on a worker, the ingress and the node's own
 * endpoint on that overlay (lb-NAME), as recorded on dockerd; {@code network create -d overlay} on
 * a manager takes the next 10.0.N.0/24, one address pool for all nodes; a worker lists an
 * attachable overlay while one of its containers uses it. Names, pings, nslookup and wget cross
 * nodes over an overlay (each node publishes its overlay endpoints to the swarm around every
 * request). Not modelled: promote/demote, a manager's own endpoint on an overlay, a container's
 * second leg on docker_gwbridge (eth1) and its default route there, overlay subnets chosen by the
 * user, encryption; a node's state does not survive a restart of its container; what containers in
 * nodes publish is bound on the host's loopback (one port space for all nodes).
 *
 * <h2>Swarm services</h2>
 *
 * <p>A manager keeps the swarm's services ({@code model.SwarmServices}): replicated mode only, the
 * spec as the client sent it (Image, Args/Command, Replicas, Networks, EndpointSpec Mode and Ports,
 * Labels). Creating one allocates its virtual IP on each of its overlays (and on the ingress when
 * it publishes ports) from the swarm-wide pool, and assigns slot N to the N-th node in joining
 * order, round-robin. Each node runs its own tasks ({@code model.TaskRunner}) as containers named
 * {@code web.1.<task id>} with swarm's labels, on the service's overlays, before the manager's
 * answer goes out (the engine has every node sync after a request that changed services): {@code
 * Status.State} is {@code running} at once, or {@code rejected} when the node lacks the image. On
 * the overlays the DNS answers {@code tasks.NAME} with the running tasks' addresses and {@code
 * NAME} with the virtual IP (dnsrr: the tasks' addresses). Scaling down shuts the highest slots
 * down (their tasks stay in {@code /tasks} with DesiredState shutdown, their containers are
 * removed); removing a service removes its tasks and containers. The tasks' own addresses answer
 * pings and wget as any container's. <b>The virtual IP answers nothing</b> (no ping, no port): this
 * kernel model has no IPVS, as the machine netbook was recorded on (a kernel with IPVS answers the
 * service's ports on it, never ping); the lab says so once. Not modelled: the routing mesh
 * (published ports are recorded in Endpoint.Ports, PublishedPort 0 stays 0, nothing listens on
 * them), global mode, updates of networks, ports or endpoint mode, rolling-update settings,
 * restarts of failed tasks, rescheduling when a node leaves, constraints; addresses come from the
 * one pool in the order nodes ask (a worker's lb-NAME endpoint may come between two tasks), not all
 * from the manager first as swarmkit's allocator hands them out.
 *
 * <h2>Knowingly left out</h2>
 *
 * <ul>
 *   <li>In process (docker-java through EmbeddedHttpClient) exec and attach streams come back
 *       whole, stdin is not read, and waiting for a running container is refused. Stdin feeds only
 *       an interactive shell ({@code sh} without {@code -c}): other programs ignore it.
 *   <li>Time: commands answer instantly (ping times are made up); {@code sleep N} and other
 *       long-running commands run until stopped.
 *   <li>No internet: only containers, the bridges' gateways and the host (10.0.2.15) answer; names
 *       unknown to the embedded DNS time out as with an unreachable upstream ({@code --dns
 *       127.0.0.1}, configurable as {@link
 *       netbook.engine.embedded.model.EmbeddedOptions#upstreamDns}).
 *   <li>Published ports answer on 127.0.0.1 only (Docker listens on 0.0.0.0 and ::), and only for
 *       the web images' port 80; other published ports are booked but refuse connections.
 *   <li>IPv6 beyond user-defined bridge networks created with {@code --ipv6} and an IPv6 subnet
 *       (the default bridge has none, as without the daemon's --ipv6); IPv6 goes between containers
 *       on such networks and their gateway only (no wget or nc over it), and the embedded DNS
 *       answers no PTR for IPv6 addresses but those of containers.
 *   <li>macvlan driver, volumes, events; duplicate network names are always refused (dockerd 20.10
 *       allows them without CheckDuplicate).
 *   <li>Busybox commands beyond ping, ping6, ip addr|link|route [get]|neigh|rule, ifconfig, arp,
 *       route, netstat, traceroute, nc (the subset in {@code busybox.NcCommand}), hostname
 *       [-i|-s|-d|-f], nslookup, cat of /etc/hosts, /etc/resolv.conf, /etc/hostname,
 *       /proc/net/route and /sys/class/net/*, ls of /sys/class/net, wget (http), env, echo, true,
 *       false, sleep and exit in {@code sh -c} (with ; &amp;&amp; || and | feeding stdin): anything
 *       else is "sh: X: not found" (127) in a shell, or the OCI runtime's "executable file not
 *       found" (126) when exec'd directly. Neighbour entries stay REACHABLE (no clock makes them
 *       STALE); netstat knows listening sockets only (every exchange is over when it runs).
 * </ul>
 */
package netbook.engine.embedded;
