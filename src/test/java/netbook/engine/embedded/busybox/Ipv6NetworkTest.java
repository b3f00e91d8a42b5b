package netbook.engine.embedded.busybox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import netbook.engine.embedded.TestApi;
import netbook.engine.embedded.api.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code docker network create --ipv6 --subnet fd00:ab12::/64}: what Docker 20.10 does with it
 * (recorded from a real daemon): an IPv4 pool is added, containers get fd00:ab12::2, ::3... with a
 * link-local address and ::1, and busybox's ip -6, ping6, nslookup and /etc/hosts show them.
 */
class Ipv6NetworkTest {
  private final TestApi t = new TestApi();

  private ApiResponse create(String name, String body) {
    return t.post("/networks/create", "{\"Name\":\"" + name + "\"," + body + "}");
  }

  private void v6net() {
    t.ok(
        create(
            "v6", "\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:ab12::/64\"}]}"));
    t.run("v6a", "netbook/toolbox", "v6");
    t.run("v6b", "netbook/toolbox", "v6");
  }

  @Test
  void inspectShowsBothPoolsAndTheContainersAddresses() {
    v6net();
    JsonNode n = t.ok(t.get("/networks/v6"));
    assertThat(n.get("EnableIPv6").asBoolean()).isTrue();
    assertThat(n.at("/IPAM/Config").toString())
        .isEqualTo(
            "[{\"Subnet\":\"172.18.0.0/16\",\"Gateway\":\"172.18.0.1\"},{\"Subnet\":\"fd00:ab12::/64\"}]");
    assertThat(n.get("Containers").findValuesAsText("IPv6Address"))
        .containsExactlyInAnyOrder("fd00:ab12::2/64", "fd00:ab12::3/64");
    JsonNode ep = t.inspect("v6a").at("/NetworkSettings/Networks/v6");
    assertThat(ep.get("GlobalIPv6Address").asText()).isEqualTo("fd00:ab12::2");
    assertThat(ep.get("GlobalIPv6PrefixLen").asInt()).isEqualTo(64);
    assertThat(ep.get("IPv6Gateway").asText()).isEqualTo("fd00:ab12::1");
    assertThat(ep.get("IPAddress").asText()).isEqualTo("172.18.0.2");
  }

  @Test
  void busyboxSeesTheAddressesRoutesAndNames() {
    v6net();
    assertThat(t.exec("v6a", "ip", "-6", "addr").stdout())
        .isEqualTo(
            """
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qlen 1000
                inet6 ::1/128 scope host\s
                   valid_lft forever preferred_lft forever
            5: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500\s
                inet6 fd00:ab12::2/64 scope global flags 02\s
                   valid_lft forever preferred_lft forever
                inet6 fe80::42:acff:fe12:2/64 scope link\s
                   valid_lft forever preferred_lft forever
            """);
    assertThat(t.exec("v6a", "ip", "-6", "route").stdout())
        .isEqualTo(
            """
            fd00:ab12::/64 dev eth0  metric 256\s
            fe80::/64 dev eth0  metric 256\s
            default via fd00:ab12::1 dev eth0  metric 1024\s
            multicast ff00::/8 dev eth0  metric 256\s
            """);
    assertThat(t.exec("v6a", "ifconfig", "eth0").stdout())
        .contains(
            "          inet6 addr: fe80::42:acff:fe12:2/64 Scope:Link\n"
                + "          inet6 addr: fd00:ab12::2/64 Scope:Global\n");
    assertThat(t.exec("v6a", "cat", "/etc/hosts").stdout())
        .endsWith(
            "172.18.0.2\t"
                + t.inspect("v6a").at("/Config/Hostname").asText()
                + "\n"
                + "fd00:ab12::2\t"
                + t.inspect("v6a").at("/Config/Hostname").asText()
                + "\n");
    assertThat(t.exec("v6a", "nslookup", "v6b").stdout())
        .endsWith(
            "Non-authoritative answer:\nName:\tv6b\nAddress: 172.18.0.3\n\n"
                + "Non-authoritative answer:\nName:\tv6b\nAddress: fd00:ab12::3\n\n");
  }

  @Test
  void pingPrefersIpv6AndFillsTheNeighbourTable() {
    v6net();
    assertThat(t.exec("v6a", "ping6", "-c", "1", "v6b").stdout())
        .startsWith("PING v6b (fd00:ab12::3): 56 data bytes\n64 bytes from fd00:ab12::3: seq=0");
    assertThat(t.exec("v6a", "ping", "-c", "1", "v6b").stdout())
        .startsWith("PING v6b (fd00:ab12::3)");
    assertThat(t.exec("v6a", "ping", "-4", "-c", "1", "v6b").stdout())
        .startsWith("PING v6b (172.18.0.3)");
    assertThat(t.exec("v6a", "ping6", "-c", "1", "fd00:ab12::1").exitCode()).isZero();
    assertThat(t.exec("v6a", "ip", "-6", "neigh").stdout())
        .matches(
            "fd00:ab12::3 dev eth0 lladdr 02:42:ac:12:00:03 ref 1 used 0/0/0 probes 4 REACHABLE\n"
                + "fd00:ab12::1 dev eth0 lladdr 02:42(:[0-9a-f]{2}){4} router ref 1 used 0/0/0"
                + " probes 4 REACHABLE\n");
    assertThat(t.exec("v6a", "ip", "-4", "neigh").stdout()).startsWith("172.18.0.3 dev eth0");
    assertThat(t.exec("v6a", "traceroute", "-n", "v6b").stdout())
        .matches(
            "traceroute to v6b \\(fd00:ab12::3\\), 30 hops max, 72 byte packets\n"
                + " 1  fd00:ab12::3( {2}0\\.0\\d\\d ms){3}\n");
  }

  @Test
  void theHostsBridgeHoldsTheGatewayAddress() {
    v6net();
    t.ok(
        t.post(
            "/containers/create?name=onhost",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"60\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"host\"}}"));
    t.ok(t.post("/containers/onhost/start", ""));
    assertThat(t.exec("onhost", "ip", "addr").stdout())
        .contains("    inet6 fd00:ab12::1/64 scope global \n       valid_lft forever");
  }

  @Test
  void containersWithoutIpv6CannotSendIt() {
    t.createNetwork("plain");
    t.run("p6", "netbook/toolbox", "plain");
    TestApi.Output r = t.exec("p6", "ping6", "-c", "1", "::1");
    assertThat(r.stdout()).isEqualTo("PING ::1 (::1): 56 data bytes\n");
    assertThat(r.stderr()).isEqualTo("ping6: sendto: Cannot assign requested address\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(t.exec("p6", "ip", "-6", "addr").stdout()).isEmpty();
  }

  @Test
  void anIpv6SubnetWithoutEnableIpv6GivesNoAddresses() {
    t.ok(create("half", "\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:ab13::/64\"}]}"));
    t.run("h6", "netbook/toolbox", "half");
    JsonNode n = t.ok(t.get("/networks/half"));
    assertThat(n.get("EnableIPv6").asBoolean()).isFalse();
    assertThat(n.at("/IPAM/Config/1/Subnet").asText()).isEqualTo("fd00:ab13::/64");
    assertThat(t.inspect("h6").at("/NetworkSettings/Networks/half/GlobalIPv6Address").asText())
        .isEmpty();
    assertThat(t.exec("h6", "ip", "-6", "addr").stdout()).isEmpty();
  }

  @Test
  void refusedAsDockerRefusesThem() {
    ApiResponse noPool = create("x1", "\"EnableIPv6\":true");
    assertThat(noPool.status()).isEqualTo(404);
    assertThat(noPool.bodyText())
        .contains(
            "could not find an available, non-overlapping IPv6 address pool among the defaults to"
                + " assign to the network");
    ApiResponse bad =
        create("x2", "\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:zz::/64\"}]}");
    assertThat(bad.status()).isEqualTo(500);
    assertThat(bad.bodyText())
        .contains("Invalid subnet fd00:zz::/64 : invalid CIDR address: fd00:zz::/64");
    t.ok(
        create(
            "x3", "\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:ab12::/64\"}]}"));
    ApiResponse overlap =
        create("x4", "\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:ab12::/80\"}]}");
    assertThat(overlap.status()).isEqualTo(403);
    assertThat(overlap.bodyText()).contains("Pool overlaps with other one on this address space");
    JsonNode gw =
        t.ok(
            create(
                "x5",
                "\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:ab14::/64\","
                    + "\"Gateway\":\"fd00:ab14::99\"}]}"));
    assertThat(t.ok(t.get("/networks/" + gw.get("Id").asText())).at("/IPAM/Config/1").toString())
        .isEqualTo("{\"Subnet\":\"fd00:ab14::/64\",\"Gateway\":\"fd00:ab14::99\"}");
  }
}
