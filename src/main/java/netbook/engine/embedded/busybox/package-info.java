/**
 * The emulated busybox applets run by exec and as containers' main commands, one class per command
 * family, with busybox 1.35's own output: {@code sh -c} ({@link
 * netbook.engine.embedded.busybox.Busybox}), ping/ping6, ip addr|link and ifconfig, ip neigh and
 * arp, ip route [get]|rule, route and /proc/net/route, netstat, traceroute, nc, nslookup, wget, cat
 * and ls of the network files.
 */
package netbook.engine.embedded.busybox;
