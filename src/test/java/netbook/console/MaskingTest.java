package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void masksWhatChangesBetweenRuns() {
    assertThat(Masking.mask("64 bytes from 172.17.0.4: seq=0 ttl=64 time=0.723 ms"))
        .isEqualTo("64 bytes from <ip>: seq=0 ttl=64 time=<t> ms");
    assertThat(Masking.mask("round-trip min/avg/max = 0.069/0.396/0.723 ms"))
        .isEqualTo("round-trip min/avg/max = <t> ms");
    assertThat(Masking.mask("ffa42d8d5fc9cf9f34e8e8389c79dc5c8b82797d7a43db806976d0cf8beaa1c8"))
        .isEqualTo("<id>");
    assertThat(Masking.mask("3143420cfe08   bridge    bridge    local"))
        .isEqualTo("<id>   bridge    bridge    local");
    assertThat(Masking.mask("link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff"))
        .isEqualTo("link/ether <mac> brd <mac>");
    assertThat(Masking.mask("19: veth3fc36ad@if18: <BROADCAST>"))
        .isEqualTo("<n>: <veth>@if<n>: <BROADCAST>");
    assertThat(Masking.mask("\"Created\": \"2024-01-02T10:11:12.123456789Z\""))
        .isEqualTo("\"Created\": \"<date>\"");
    assertThat(Masking.mask("Up 3 seconds   About a minute ago")).isEqualTo("Up <ago>   <ago> ago");
    assertThat(Masking.mask("root@cf2d53fead42:/#")).isEqualTo("root@<id>:/#");
    assertThat(Masking.mask("107667947629   netbook/web")).isEqualTo("<id>   netbook/web");
  }

  @Test
  void psCommandColumnIsTheImagesOwnAndMasked() {
    String official =
        "945ffeb9aa10   nginx     \"/docker-entrypoint.…\"   1 second ago   Up 1 second   80/tcp   web";
    String debian =
        "308b74fdba1e   nginx     \"nginx -g 'daemon of…\"   2 seconds ago   Up 2 seconds   80/tcp   web";
    String lab =
        "308b74fdba1e   nginx     \"httpd -f -v -p 80 -…\"   2 seconds ago   Up 2 seconds   80/tcp   web";
    assertThat(Masking.mask(official))
        .isEqualTo("<id>   nginx     \"<command>\"   <ago> ago   Up <ago>   80/tcp   web");
    assertThat(Masking.sameInSubstance(official, debian)).isTrue();
    assertThat(Masking.sameInSubstance(official, lab)).isTrue();
    // the image and the name are still compared
    assertThat(Masking.sameInSubstance(official, lab.replace("nginx ", "httpd "))).isFalse();
    assertThat(Masking.sameInSubstance(official, debian.replace(" web", " web2"))).isFalse();
    // a quoted word elsewhere is not a command column
    assertThat(Masking.mask("say \"hello\"")).isEqualTo("say \"hello\"");
  }

  @Test
  void comparesInSubstance() {
    String book =
        "NETWORK ID     NAME      DRIVER    SCOPE\n3143420cfe08   bridge    bridge    local\n";
    String live =
        "NETWORK ID     NAME        DRIVER    SCOPE\n\n5126d7b5f29f   bridge      bridge    local\n";
    assertThat(Masking.sameInSubstance(book, live)).isTrue();
    assertThat(Masking.sameInSubstance(book, live + "aaaa00001111   x   bridge   local\n"))
        .isFalse();
  }

  @Test
  void ellipsisMeansTheBookShowsOnlyPart() {
    String book = "…\ndocker0 Link encap:Ethernet HWaddr 02:42:db:d0:47:db\n…\n";
    String live =
        "eth0      Link encap:Ethernet  HWaddr 0a:4b:6f:44:89:9b\n"
            + "docker0   Link encap:Ethernet  HWaddr 02:42:21:fb:dc:5d\n"
            + "          inet addr:172.17.0.1  Mask:255.255.0.0\n";
    assertThat(Masking.sameInSubstance(book, live)).isTrue();
    assertThat(Masking.sameInSubstance(book, "eth0 Link encap:Ethernet HWaddr 0a:4b:6f:44:89:9b"))
        .isFalse();
  }

  @Test
  void marksDifferencesSideBySide() {
    String book =
        "PING 172.17.0.4 (172.17.0.4): 56 data bytes\n2 packets transmitted\n"
            + "64 bytes from 172.17.0.3: seq=0 ttl=64 time=0.723 ms\n";
    String live =
        "PING 172.17.0.3 (172.17.0.3): 56 data bytes\n1 packets transmitted\n"
            + "64 bytes from 172.17.0.3: seq=0 ttl=64 time=0.1 ms\n";
    assertThat(LineDiff.marks(book, live))
        .containsExactly(
            "~ book: 172.17.0.4 (172.17.0.4):  live: 172.17.0.3 (172.17.0.3):",
            "+ live: 1 packets transmitted",
            "- book: 2 packets transmitted");
  }

  @Test
  void idsMacsAndTimesAreNeverMarkedButAddressesAre() {
    String book =
        "NETWORK ID     NAME      DRIVER    SCOPE\n5400f00b0ff6   bridge    bridge    local\n"
            + "link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n"
            + "inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n";
    String live =
        "NETWORK ID     NAME      DRIVER    SCOPE\n064c66f6e0d1   bridge    bridge    local\n"
            + "link/ether 02:42:ac:11:00:07 brd ff:ff:ff:ff:ff:ff\n"
            + "inet 172.17.0.7/16 brd 172.17.255.255 scope global eth0\n";
    assertThat(LineDiff.marks(book, live))
        .containsExactly("~ book: 172.17.0.2/16  live: 172.17.0.7/16");
  }
}
