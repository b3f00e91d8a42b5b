package netbook.engine.embedded.busybox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The busybox commands run by exec, compared with what busybox 1.35 prints in real containers on
 * Docker 20.10 (outputs recorded from a real daemon).
 */
class BusyboxEmulationTest {
  private final TestApi t = new TestApi();
  private String a;
  private String d;

  @BeforeEach
  void chapter() {
    t.createNetwork("my_bridge");
    a = t.run("container_a", "netbook/toolbox", "my_bridge");
    t.run("container_b", "netbook/toolbox", "my_bridge", "web1");
    d = t.run("container_d", "netbook/toolbox", "bridge");
  }

  @Test
  void pingByNameOnAUserNetwork() {
    TestApi.Output r = t.exec("container_a", "ping", "-c", "3", "container_b");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .matches(
            "PING container_b \\(172\\.18\\.0\\.3\\): 56 data bytes\n"
                + "(64 bytes from 172\\.18\\.0\\.3: seq=[012] ttl=64 time=0\\.\\d{3} ms\n){3}\n"
                + "--- container_b ping statistics ---\n"
                + "3 packets transmitted, 3 packets received, 0% packet loss\n"
                + "round-trip min/avg/max = 0\\.\\d{3}/0\\.\\d{3}/0\\.\\d{3} ms\n");
    assertThat(t.exec("container_a", "ping", "-c", "1", "web1").stdout())
        .startsWith(
            "PING web1 (172.18.0.3): 56 data bytes\n64 bytes from 172.18.0.3: seq=0 ttl=64");
    assertThat(t.exec("container_a", "ping", "-c", "1", a.substring(0, 12)).exitCode()).isZero();
  }

  @Test
  void pingOnTheDefaultBridgeWorksByIpButNotByName() {
    t.run("container_e", "netbook/toolbox", "bridge");
    assertThat(t.exec("container_e", "ping", "-c", "2", "172.17.0.2").stdout())
        .contains("2 packets transmitted, 2 packets received, 0% packet loss");
    TestApi.Output byName = t.exec("container_e", "ping", "-c", "2", "container_d");
    assertThat(byName.stdout()).isEmpty();
    assertThat(byName.stderr()).isEqualTo("ping: bad address 'container_d'\n");
    assertThat(byName.exitCode()).isEqualTo(1);
  }

  @Test
  void pingAcrossNetworksLosesEveryPacket() {
    TestApi.Output r = t.exec("container_a", "ping", "-c", "1", "172.17.0.2");
    assertThat(r.stdout())
        .isEqualTo(
            "PING 172.17.0.2 (172.17.0.2): 56 data bytes\n\n--- 172.17.0.2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(t.exec("container_a", "ping", "-c", "1", "172.17.0.1").exitCode())
        .as("the host's docker0")
        .isZero();
    assertThat(t.exec("container_a", "ping", "-w", "2", "172.17.0.2").stdout())
        .contains("2 packets transmitted, 0 packets received");
  }

  @Test
  void ipAddrIpRouteAndIfconfig() {
    assertThat(t.exec("container_a", "ip", "addr").stdout())
        .isEqualTo(
            """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            inet 127.0.0.1/8 scope host lo
               valid_lft forever preferred_lft forever
        5: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue\s
            link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff
            inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0
               valid_lft forever preferred_lft forever
        """);
    assertThat(t.exec("container_a", "ip", "a", "show", "eth0").stdout())
        .startsWith("5: eth0@if6:");
    assertThat(t.exec("container_a", "ip", "route").stdout())
        .isEqualTo(
            "default via 172.18.0.1 dev eth0 \n172.18.0.0/16 dev eth0 scope link  src 172.18.0.2 \n");
    assertThat(t.exec("container_a", "ifconfig").stdout())
        .startsWith(
            """
        eth0      Link encap:Ethernet  HWaddr 02:42:AC:12:00:02 \s
                  inet addr:172.18.0.2  Bcast:172.18.255.255  Mask:255.255.0.0
                  UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
                  RX packets:0 errors:0 dropped:0 overruns:0 frame:0
                  TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
                  collisions:0 txqueuelen:0\s
                  RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)

        lo        Link encap:Local Loopback \s
                  inet addr:127.0.0.1  Mask:255.0.0.0
        """);
    assertThat(InterfaceCommands.scaled(1602)).isEqualTo("(1.5 KiB)");
    assertThat(InterfaceCommands.scaled(518)).isEqualTo("(518.0 B)");
  }

  @Test
  void hostnameHostsAndResolvConf() {
    assertThat(t.exec("container_a", "hostname").stdout()).isEqualTo(a.substring(0, 12) + "\n");
    assertThat(t.exec("container_a", "hostname", "-i").stdout()).isEqualTo("172.18.0.2\n");
    assertThat(t.exec("container_a", "cat", "/etc/hosts").stdout())
        .isEqualTo(
            "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.18.0.2\t"
                + a.substring(0, 12)
                + "\n");
    assertThat(t.exec("container_a", "cat", "/etc/resolv.conf").stdout())
        .isEqualTo("nameserver 127.0.0.11\noptions ndots:0\n");
    assertThat(t.exec("container_d", "cat", "/etc/resolv.conf").stdout())
        .isEqualTo("nameserver 127.0.0.1\n");
    TestApi.Output nope = t.exec("container_a", "cat", "/nope");
    assertThat(nope.stderr()).isEqualTo("cat: can't open '/nope': No such file or directory\n");
    assertThat(nope.exitCode()).isEqualTo(1);
  }

  @Test
  void nslookupAsksTheEmbeddedDnsOnUserNetworksOnly() {
    assertThat(t.exec("container_a", "nslookup", "web1").stdout())
        .isEqualTo(
            "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb1\nAddress: 172.18.0.3\n\nNon-authoritative answer:\n\n");
    TestApi.Output unknown = t.exec("container_a", "nslookup", "nosuch");
    assertThat(unknown.stdout())
        .isEqualTo(";; connection timed out; no servers could be reached\n\n");
    assertThat(unknown.exitCode()).isEqualTo(1);
    TestApi.Output onDefault = t.exec("container_d", "nslookup", "container_a");
    assertThat(onDefault.stdout())
        .isEqualTo(";; connection timed out; no servers could be reached\n\n");
    assertThat(onDefault.stderr())
        .isEqualTo("nslookup: write to '127.0.0.1': Connection refused\n");
  }

  @Test
  void unknownCommandsAreNotFound() {
    TestApi.Output sh = t.exec("container_a", "sh", "-c", "echo hi; foo");
    assertThat(sh.stdout()).isEqualTo("hi\n");
    assertThat(sh.stderr()).isEqualTo("sh: foo: not found\n");
    assertThat(sh.exitCode()).isEqualTo(127);
    TestApi.Output direct = t.exec("container_a", "foo", "x");
    assertThat(direct.stdout())
        .isEqualTo(
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"foo\": executable file not found in $PATH: unknown\r\n");
    assertThat(direct.exitCode()).isEqualTo(126);
    assertThat(
            t.exec("container_a", "sh", "-c", "true && echo 'a  b' || echo no; false || echo yes")
                .stdout())
        .isEqualTo("a  b\nyes\n");
    t.run("bare1", "netbook/bare", "my_bridge");
    assertThat(t.exec("bare1", "ping", "-c", "1", "container_a").exitCode()).isEqualTo(126);
  }

  @Test
  void wgetReachesTheWebPageOnlyOverASharedNetwork() {
    t.run("web", "netbook/web", "my_bridge");
    t.run("nginx1", "nginx", "bridge");
    TestApi.Output page = t.exec("container_a", "wget", "-qO-", "http://web/");
    assertThat(page.stdout())
        .contains("<title>Welcome to nginx!</title>")
        .contains("busybox httpd");
    assertThat(page.exitCode()).isZero();
    assertThat(t.exec("container_d", "wget", "-q", "-O", "-", "http://172.17.0.3:80/").stdout())
        .contains("nginx.org");
    String acrossIp = t.ip("nginx1", "bridge");
    assertThat(t.exec("container_a", "wget", "-qO-", "http://" + acrossIp + "/").stderr())
        .isEqualTo("wget: can't connect to remote host (" + acrossIp + "): Connection timed out\n");
    assertThat(t.exec("container_a", "wget", "-qO-", "http://container_b/").stderr())
        .isEqualTo("wget: can't connect to remote host (172.18.0.3): Connection refused\n");
    assertThat(t.exec("container_a", "wget", "-qO-", "http://nosuch/").stderr())
        .isEqualTo("wget: bad address 'nosuch'\n");
    assertThat(t.get("/containers/web/logs?stderr=1").bodyText())
        .contains("[::ffff:172.18.0.2]:")
        .contains(": response:200\n");
    assertThat(t.get("/containers/nginx1/logs?stdout=1").bodyText())
        .contains("172.17.0.2 - - [")
        .contains("] \"GET / HTTP/1.1\" 200 615 \"-\" \"Wget\" \"-\"\n");
    assertThat(t.exec("container_a", "wget", "-O-", "http://web:80/").stderr())
        .startsWith("Connecting to web:80 (172.18.0.4:80)\nwriting to stdout\n");
  }

  @Test
  void connectingToAUserNetworkAddsEth1AndTheEmbeddedDns() {
    t.ok(t.post("/networks/my_bridge/connect", "{\"Container\":\"container_d\"}"));
    assertThat(t.exec("container_d", "ip", "addr").stdout())
        .contains("eth0@if")
        .contains("eth1@if")
        .contains("inet 172.18.0.4/16 brd 172.18.255.255 scope global eth1");
    assertThat(t.exec("container_d", "cat", "/etc/resolv.conf").stdout())
        .isEqualTo("nameserver 127.0.0.11\noptions ndots:0\n");
    assertThat(t.exec("container_d", "cat", "/etc/hosts").stdout())
        .endsWith(
            "172.17.0.2\t" + d.substring(0, 12) + "\n172.18.0.4\t" + d.substring(0, 12) + "\n");
    assertThat(t.exec("container_d", "ping", "-c", "1", "container_a").exitCode()).isZero();
    assertThat(t.exec("container_d", "ip", "route").stdout())
        .isEqualTo(
            "default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n172.18.0.0/16 dev eth1 scope link  src 172.18.0.4 \n");
  }

  @Test
  void noneHostAndContainerNetworkModes() {
    t.run("lonely", "netbook/toolbox", "none");
    assertThat(t.exec("lonely", "ip", "addr").stdout()).startsWith("1: lo:").doesNotContain("eth0");
    assertThat(t.exec("lonely", "ip", "route").stdout()).isEmpty();
    TestApi.Output ping = t.exec("lonely", "ping", "-c", "1", "172.17.0.1");
    assertThat(ping.stdout()).isEqualTo("PING 172.17.0.1 (172.17.0.1): 56 data bytes\n");
    assertThat(ping.stderr()).isEqualTo("ping: sendto: Network is unreachable\n");
    t.run("onhost", "netbook/toolbox", "host");
    String host = t.exec("onhost", "ip", "addr").stdout();
    assertThat(host)
        .contains("3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue \n")
        .contains("inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0")
        .contains("master docker0")
        .containsPattern(
            "\\d+: veth[0-9a-f]{7}@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue master br-[0-9a-f]{12} ");
    assertThat(t.exec("onhost", "hostname").stdout()).isEqualTo("netbook-host\n");
    assertThat(t.exec("onhost", "ping", "-c", "1", "172.18.0.2").exitCode()).isZero();
    t.run("sidecar", "netbook/toolbox", "container:container_a");
    assertThat(t.exec("sidecar", "hostname").stdout()).isEqualTo(a.substring(0, 12) + "\n");
    assertThat(t.exec("sidecar", "ip", "addr").stdout()).contains("inet 172.18.0.2/16");
    assertThat(t.exec("sidecar", "ping", "-c", "1", "container_b").exitCode()).isZero();
    assertThat(t.api.hostInterfaces())
        .anyMatch(i -> i.name().equals("docker0") && i.addresses().contains("172.17.0.1/16"))
        .anyMatch(
            i ->
                i.kind().equals("veth")
                    && i.container().equals("container_d")
                    && i.master().equals("docker0"));
    assertThat(t.api.runOnHost(List.of("ip", "route")).stdout()).contains("172.18.0.0/16 dev br-");
  }

  @Test
  void anInternalNetworkHasNoDefaultRoute() {
    t.ok(t.post("/networks/create", "{\"Name\":\"backend\",\"Internal\":true}"));
    t.run("db1", "netbook/toolbox", "backend");
    t.run("app1", "netbook/toolbox", "backend");
    assertThat(t.exec("app1", "ip", "route").stdout())
        .isEqualTo("172.19.0.0/16 dev eth0 scope link  src 172.19.0.3 \n");
    assertThat(t.exec("app1", "ping", "-c", "1", "db1").exitCode()).isZero();
    TestApi.Output out = t.exec("app1", "ping", "-c", "1", "8.8.8.8");
    assertThat(out.stderr()).isEqualTo("ping: sendto: Network is unreachable\n");
  }
}
