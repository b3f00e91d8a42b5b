package netbook.engine.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what legitimately differs between two engines running the same scenario: IDs, MACs, veth
 * names, interface numbers, timings, and IPv4 addresses (numbered in order of first appearance, so
 * the structure still has to match: the same address must come back where it did) with their prefix
 * lengths.
 */
final class TranscriptMask {
  private static final Pattern IPV4 =
      Pattern.compile("\\b(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\b");
  private final Map<String, String> addresses = new LinkedHashMap<>();

  String mask(String text) {
    // busybox nslookup prints the A and AAAA sections in whichever order the answers race in;
    // the AAAA one is empty here, so drop the empty section wherever it landed
    String s = text.replace("Non-authoritative answer:\n\n", "");
    s = s.replaceAll("\\b[0-9a-f]{64}\\b", "<ID>");
    s = s.replaceAll("\\b[0-9a-f]{12}\\b", "<ID12>");
    s = s.replaceAll("veth[0-9a-f]{7}", "veth<X>");
    s =
        s.replaceAll(
            "(?i)\\b(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)([0-9a-f]{2}:){5}[0-9a-f]{2}\\b",
            "<MAC>");
    s = s.replaceAll("(?m)^\\d+: ", "<N>: ");
    s = s.replaceAll("@if\\d+", "@if<N>");
    s = s.replaceAll("time=\\d+\\.\\d+ ms", "time=<T> ms");
    s = s.replaceAll("min/avg/max = [\\d./]+ ms", "min/avg/max = <T> ms");
    s = s.replaceAll("(RX|TX) (packets|bytes):\\d+( \\([^)]*\\))?", "$1 $2:<C>");
    Matcher m = IPV4.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ip = m.group(1);
      String keep =
          ip.startsWith("127.") || ip.startsWith("255.") || ip.startsWith("0.") ? ip : null;
      String replacement =
          keep != null
              ? keep
              : addresses.computeIfAbsent(ip, k -> "<IP" + (addresses.size() + 1) + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    // a shared daemon may hand out 192.168.x.0/20 where a fresh one gives 172.x.0.0/16
    return out.toString()
        .replaceAll("(<IP\\d+>)/\\d+", "$1/<P>")
        .replaceAll("Mask:\\S+", "Mask:<M>");
  }
}
