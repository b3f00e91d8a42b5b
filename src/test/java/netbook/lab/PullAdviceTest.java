package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The daemon's own words for a failed pull, as Docker Engine 20–28 print them, and the fix. */
class PullAdviceTest {
  @Test
  void aRateLimitSaysWaitOrLogIn() {
    assertThat(
            PullAdvice.explain(
                "toomanyrequests: You have reached your pull rate limit. You may increase the"
                    + " limit by authenticating and upgrading"))
        .endsWith(
            "— Docker Hub's pull rate limit: wait a while, or `docker login` for a higher limit");
  }

  @Test
  void anUnknownImageSaysCheckTheName() {
    assertThat(
            PullAdvice.explain(
                "pull access denied for nosuchimage, repository does not exist or may require"
                    + " 'docker login': denied: requested access to the resource is denied"))
        .contains("— check the image's name and tag");
    assertThat(PullAdvice.explain("manifest for ubuntu:nosuchtag not found: manifest unknown"))
        .contains("— check the image's name and tag");
  }

  @Test
  void noNetworkSaysSoAndOffersTheLabImages() {
    assertThat(
            PullAdvice.explain(
                "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io:"
                    + " no such host"))
        .endsWith("or run with NETBOOK_OFFLINE=1 to use the lab images");
  }

  @Test
  void anUnknownCauseIsLeftAsTheDaemonSaidIt() {
    assertThat(PullAdvice.explain("something else")).isEqualTo("something else");
  }
}
