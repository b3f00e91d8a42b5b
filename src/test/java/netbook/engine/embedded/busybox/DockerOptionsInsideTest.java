package netbook.engine.embedded.busybox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netbook.engine.embedded.TestApi;
import org.junit.jupiter.api.Test;

/**
 * What run and network options give inside containers (/etc/hosts, resolv.conf, the MTU, link
 * variables, DNS answers), through the model's exec path: the expected texts are the outputs of the
 * differential scenarios marked "needs: exec" on Docker 20.10.24, with its addresses.
 */
class DockerOptionsInsideTest {
  private final TestApi t = new TestApi();

  private String start(String name, String body) {
    String id = t.ok(t.post("/containers/create?name=" + name, body)).get("Id").asText();
    t.ok(t.post("/containers/" + id + "/start", ""));
    return id;
  }

  private void network(String json) {
    t.ok(t.post("/networks/create", json));
  }

  @Test
  void addHostAndHostGatewayGoToEtcHostsAndPingResolvesThem() {
    network("{\"Name\":\"net\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.2.0/24\"}]}}");
    start(
        "db",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{\"NetworkMode\":"
            + "\"net\"},\"NetworkingConfig\":{\"EndpointsConfig\":{\"net\":{\"IPAMConfig\":"
            + "{\"IPv4Address\":\"10.213.2.10\"}}}}}");
    String h =
        start(
            "hh",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{"
                + "\"NetworkMode\":\"net\",\"ExtraHosts\":[\"db.local:10.213.2.10\","
                + "\"gw:host-gateway\"]}}");
    assertThat(t.exec("hh", "cat", "/etc/hosts").stdout())
        .isEqualTo(
            "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n"
                + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
                + "10.213.2.10\tdb.local\n172.17.0.1\tgw\n10.213.2.2\t"
                + h.substring(0, 12)
                + "\n");
    TestApi.Output ping = t.exec("hh", "ping", "-c1", "-W2", "db.local");
    assertThat(ping.stdout()).startsWith("PING db.local (10.213.2.10): 56 data bytes\n64 bytes");
    assertThat(ping.exitCode()).isZero();
  }

  @Test
  void aLinkGivesAHostsLineAndTheAliasVariables() {
    String db = start("db", "{\"Image\":\"netbook/web\"}");
    String app =
        start(
            "app",
            "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
                + "\"HostConfig\":{\"Links\":[\"db:db\"]}}");
    assertThat(t.exec("app", "cat", "/etc/hosts").stdout())
        .endsWith(
            "172.17.0.2\tdb "
                + db.substring(0, 12)
                + "\n172.17.0.3\t"
                + app.substring(0, 12)
                + "\n");
    assertThat(
            t.exec("app", "env")
                .stdout()
                .lines()
                .filter(l -> l.startsWith("DB_"))
                .sorted()
                .map(l -> l + "\n")
                .reduce("", String::concat))
        .isEqualTo(
            """
            DB_NAME=/app/db
            DB_PORT=tcp://172.17.0.2:80
            DB_PORT_80_TCP=tcp://172.17.0.2:80
            DB_PORT_80_TCP_ADDR=172.17.0.2
            DB_PORT_80_TCP_PORT=80
            DB_PORT_80_TCP_PROTO=tcp
            """);
    assertThat(t.exec("app", "ping", "-c1", "-W2", "db").stdout())
        .startsWith("PING db (172.17.0.2): 56 data bytes\n64 bytes from 172.17.0.2");
  }

  @Test
  void theMtuOptionAndTheDnsSearchAndOptionsAreApplied() {
    network(
        "{\"Name\":\"net\",\"Options\":{\"com.docker.network.driver.mtu\":\"1400\"},"
            + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.8.0/24\"}]}}");
    start(
        "ca",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{"
            + "\"NetworkMode\":\"net\",\"DnsSearch\":[\"example.test\"],"
            + "\"DnsOptions\":[\"ndots:2\",\"timeout:3\"]}}");
    assertThat(t.exec("ca", "cat", "/etc/resolv.conf").stdout())
        .isEqualTo("search example.test\nnameserver 127.0.0.11\noptions ndots:2 timeout:3\n");
    assertThat(t.exec("ca", "ip", "link", "show", "eth0").stdout()).contains(" mtu 1400 ");
    start(
        "cb",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
            + "\"HostConfig\":{\"NetworkMode\":\"net\"}}");
    assertThat(t.exec("cb", "cat", "/etc/resolv.conf").stdout())
        .isEqualTo("nameserver 127.0.0.11\noptions ndots:0\n");
  }

  @Test
  void namesWithTheNetworkTheHostnameAndReverseLookupsResolve() {
    network("{\"Name\":\"net\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.12.0/24\"}]}}");
    start(
        "ca",
        "{\"Image\":\"netbook/toolbox\",\"Hostname\":\"myhost\",\"Cmd\":[\"sleep\",\"300\"],"
            + "\"HostConfig\":{\"NetworkMode\":\"net\"}}");
    start(
        "cb",
        "{\"Image\":\"netbook/toolbox\",\"Cmd\":[\"sleep\",\"300\"],"
            + "\"HostConfig\":{\"NetworkMode\":\"net\"}}");
    String head = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n";
    assertThat(t.exec("cb", "nslookup", "ca.net").stdout())
        .startsWith(head + "Name:\tca.net\nAddress: 10.213.12.2\n");
    assertThat(t.exec("cb", "nslookup", "myhost").stdout())
        .startsWith(head + "Name:\tmyhost\nAddress: 10.213.12.2\n");
    assertThat(t.exec("cb", "nslookup", "10.213.12.2").stdout())
        .isEqualTo(head + "2.12.213.10.in-addr.arpa\tname = ca.net\n\n");
    TestApi.Output unknown = t.exec("cb", "nslookup", "10.213.12.77");
    assertThat(unknown.stdout())
        .isEqualTo(";; connection timed out; no servers could be reached\n\n");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(t.exec("cb", "nslookup", "ca.othernet").exitCode()).isEqualTo(1);
    assertThat(t.exec("cb", "ping", "-c1", "-W2", "myhost").stdout())
        .startsWith("PING myhost (10.213.12.2): 56 data bytes\n64 bytes");
  }

  @Test
  void severalContainersBehindOneAliasAnswerInShuffledOrder() {
    t.createNetwork("net");
    for (String w : List.of("w1", "w2", "w3")) {
      t.run(w, "netbook/toolbox", "net", "web");
    }
    t.run("client", "netbook/toolbox", "net");
    Set<String> orders = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      String out = t.exec("client", "nslookup", "web").stdout();
      assertThat(out.lines().filter(l -> l.startsWith("Address: ")).count()).isEqualTo(3);
      orders.add(out);
    }
    assertThat(orders)
        .as("round-robin: the answers come in more than one order")
        .hasSizeGreaterThan(1);
  }
}
