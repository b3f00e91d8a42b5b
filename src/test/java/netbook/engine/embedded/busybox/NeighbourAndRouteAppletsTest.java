package netbook.engine.embedded.busybox;

import static org.assertj.core.api.Assertions.assertThat;

import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ip neigh, arp, ip route get, ip rule, route, netstat -r, /proc/net/route, traceroute, hostname
 * -d/-f and /sys/class/net, compared with busybox 1.35 in containers on Docker 20.10 (outputs
 * recorded from a real daemon: two containers on one user network, a third on another).
 */
class NeighbourAndRouteAppletsTest {
  private static final String BRIDGE_MAC = "02:42(:[0-9a-f]{2}){4}";
  private final TestApi t = new TestApi();
  private String a;

  @BeforeEach
  void twoNetworks() {
    t.createNetwork("apl-net");
    a = t.run("apl-a", "netbook/toolbox", "apl-net");
    t.run("apl-b", "netbook/toolbox", "apl-net");
    t.createNetwork("apl-net2");
    t.run("apl-d", "netbook/toolbox", "apl-net2");
  }

  private String sh(String container, String script) {
    return t.exec(container, "sh", "-c", script).all();
  }

  @Test
  void aPingFillsTheNeighbourTablesOfBothEnds() {
    assertThat(sh("apl-a", "ip neigh")).isEmpty();
    assertThat(sh("apl-a", "arp")).isEmpty();
    t.exec("apl-a", "ping", "-c", "1", "apl-b");
    assertThat(sh("apl-a", "ip neigh"))
        .isEqualTo(
            "172.18.0.3 dev eth0 lladdr 02:42:ac:12:00:03 ref 1 used 0/0/0 probes 4 REACHABLE\n");
    assertThat(sh("apl-b", "ip neigh"))
        .as("the pinged side learnt the sender from its ARP request")
        .isEqualTo(
            "172.18.0.2 dev eth0 lladdr 02:42:ac:12:00:02 ref 1 used 0/0/0 probes 1 REACHABLE\n");
    t.exec("apl-a", "ping", "-c", "1", "172.18.0.1");
    assertThat(sh("apl-a", "ip n"))
        .matches(
            "172.18.0.3 dev eth0 lladdr 02:42:ac:12:00:03 ref 1 used 0/0/0 probes 4 REACHABLE\n"
                + "172.18.0.1 dev eth0 lladdr "
                + BRIDGE_MAC
                + " ref 1 used 0/0/0 probes 4 REACHABLE\n");
    assertThat(sh("apl-a", "arp"))
        .matches(
            "apl-b.apl-net \\(172.18.0.3\\) at 02:42:ac:12:00:03 \\[ether\\]  on eth0\n"
                + "\\? \\(172.18.0.1\\) at "
                + BRIDGE_MAC
                + " \\[ether\\]  on eth0\n");
    assertThat(sh("apl-a", "arp -n")).startsWith("? (172.18.0.3) at 02:42:ac:12:00:03");
    assertThat(sh("apl-a", "arp -n -i eth1")).isEqualTo("No match found in 2 entries\n");
  }

  @Test
  void aPingToAnotherNetworkResolvesOnlyTheGatewayAndAStopEmptiesTheTable() {
    t.exec("apl-a", "ping", "-c", "1", "172.19.0.2");
    assertThat(sh("apl-a", "ip neigh"))
        .matches("172.18.0.1 dev eth0 lladdr " + BRIDGE_MAC + " .*\n");
    assertThat(sh("apl-d", "ip neigh")).isEmpty();
    t.ok(t.post("/containers/apl-a/restart", ""));
    assertThat(sh("apl-a", "ip neigh")).isEmpty();
  }

  @Test
  void wgetAndNcFillTheTableToo() {
    t.run("apl-web", "nginx", "apl-net");
    t.exec("apl-a", "wget", "-q", "-O", "-", "http://apl-web/");
    t.exec("apl-b", "nc", "apl-web", "80");
    assertThat(sh("apl-a", "ip neigh")).startsWith("172.18.0.4 dev eth0 lladdr 02:42:ac:12:00:04 ");
    assertThat(sh("apl-b", "arp -n")).startsWith("? (172.18.0.4) at 02:42:ac:12:00:04 [ether]");
  }

  @Test
  void routesRulesAndTheKernelsRouteFile() {
    assertThat(sh("apl-a", "ip route get 172.18.0.3"))
        .isEqualTo("172.18.0.3 dev eth0  src 172.18.0.2 \n");
    assertThat(sh("apl-a", "ip route get 8.8.8.8"))
        .isEqualTo("8.8.8.8 via 172.18.0.1 dev eth0  src 172.18.0.2 \n");
    assertThat(sh("apl-a", "ip route get 127.0.0.1"))
        .isEqualTo("local 127.0.0.1 dev lo  src 127.0.0.1 \n");
    assertThat(sh("apl-a", "ip route get apl-b"))
        .isEqualTo("ip: need at least destination address\n");
    assertThat(sh("apl-a", "ip rule"))
        .isEqualTo(
            "0:\tfrom all lookup local \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n");
    assertThat(sh("apl-a", "route"))
        .isEqualTo(
            """
            Kernel IP routing table
            Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
            default         172.18.0.1      0.0.0.0         UG    0      0        0 eth0
            172.18.0.0      *               255.255.0.0     U     0      0        0 eth0
            """);
    assertThat(sh("apl-a", "route -n"))
        .contains("0.0.0.0         172.18.0.1      0.0.0.0         UG    0      0        0 eth0\n")
        .contains("172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n");
    assertThat(sh("apl-a", "netstat -rn"))
        .isEqualTo(
            """
            Kernel IP routing table
            Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface
            0.0.0.0         172.18.0.1      0.0.0.0         UG        0 0          0 eth0
            172.18.0.0      0.0.0.0         255.255.0.0     U         0 0          0 eth0
            """);
    String route = sh("apl-a", "cat /proc/net/route");
    assertThat(route.split("\n"))
        .containsExactly(
            pad(
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"),
            pad("eth0\t00000000\t010012AC\t0003\t0\t0\t0\t00000000\t0\t0\t0"),
            pad("eth0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0"));
  }

  private static String pad(String line) {
    return line + " ".repeat(127 - line.length());
  }

  @Test
  void withoutANetworkThereAreNoRoutes() {
    t.run("apl-none", "netbook/toolbox", "none");
    assertThat(sh("apl-none", "route -n"))
        .isEqualTo(
            "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
    assertThat(sh("apl-none", "ip route get 172.18.0.3"))
        .isEqualTo("ip: RTNETLINK answers: Network is unreachable\n");
    assertThat(sh("apl-none", "traceroute -n 172.18.0.3"))
        .isEqualTo(
            "traceroute: can't connect to remote host (172.18.0.3): Network is unreachable\n");
  }

  @Test
  void ipHasNoBriefOutputInBusybox() {
    TestApi.Output brief = t.exec("apl-a", "ip", "-br", "addr");
    assertThat(brief.exitCode()).isEqualTo(1);
    assertThat(brief.stderr())
        .startsWith("BusyBox v1.35.0")
        .contains("Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]");
  }

  @Test
  void tracerouteIsOneHopOnTheBridgeAndStopsAtTheGatewayBeyond() {
    assertThat(sh("apl-a", "traceroute apl-b"))
        .matches(
            "traceroute to apl-b \\(172.18.0.3\\), 30 hops max, 46 byte packets\n"
                + " 1  apl-b.apl-net \\(172.18.0.3\\)( {2}0\\.0\\d\\d ms){3}\n");
    assertThat(sh("apl-a", "traceroute -n -q 1 apl-b"))
        .matches(
            "traceroute to apl-b \\(172.18.0.3\\), 30 hops max, 46 byte packets\n"
                + " 1  172.18.0.3  0\\.0\\d\\d ms\n");
    assertThat(sh("apl-a", "traceroute -m 3 -w 1 172.19.0.2"))
        .matches(
            "traceroute to 172.19.0.2 \\(172.19.0.2\\), 3 hops max, 46 byte packets\n"
                + " 1  172.18.0.1 \\(172.18.0.1\\)( {2}0\\.0\\d\\d ms){3}\n"
                + " 2  \\*  \\*  \\*\n"
                + " 3  \\*  \\*  \\*\n");
    assertThat(sh("apl-a", "traceroute nosuch")).isEqualTo("traceroute: bad address 'nosuch'\n");
  }

  @Test
  void hostnameDomainAndFullName() {
    assertThat(sh("apl-a", "hostname -d")).isEmpty();
    assertThat(sh("apl-a", "hostname -f")).isEqualTo(a.substring(0, 12) + "\n");
    String body =
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"60\"],\"Hostname\":\"h\","
            + "\"Domainname\":\"example.com\",\"HostConfig\":{\"NetworkMode\":\"bridge\"}}";
    t.ok(t.post("/containers/create?name=apl-h", body));
    t.ok(t.post("/containers/apl-h/start", ""));
    assertThat(sh("apl-h", "hostname; hostname -d; hostname -f; hostname -s"))
        .isEqualTo("h\nexample.com\nh.example.com\nh\n");
  }

  @Test
  void sysClassNetAndItsAttributes() {
    assertThat(sh("apl-a", "ls /sys/class/net")).isEqualTo("eth0\nlo\n");
    assertThat(sh("apl-a", "cat /sys/class/net/eth0/address")).isEqualTo("02:42:ac:12:00:02\n");
    assertThat(sh("apl-a", "cat /sys/class/net/eth0/mtu /sys/class/net/eth0/operstate"))
        .isEqualTo("1500\nup\n");
    assertThat(sh("apl-a", "cat /sys/class/net/lo/operstate")).isEqualTo("unknown\n");
    assertThat(sh("apl-a", "ls /sys/class/net/eth0"))
        .contains("address\n")
        .contains("statistics\n");
    assertThat(sh("apl-a", "cat /sys/class/net/eth0"))
        .isEqualTo("cat: read error: Is a directory\n");
    TestApi.Output missing = t.exec("apl-a", "ls", "/sys/class/net/eth9");
    assertThat(missing.stderr()).isEqualTo("ls: /sys/class/net/eth9: No such file or directory\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    t.exec("apl-a", "ping", "-c", "2", "apl-b");
    assertThat(sh("apl-a", "cat /sys/class/net/eth0/statistics/tx_packets")).isEqualTo("4\n");
  }
}
