package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveTopologyTest {
  @Test
  void marksLivePicturesByDestinationOrTitle() {
    assertThat(LiveTopology.isLivePicture("topology", "live", null)).isTrue();
    assertThat(LiveTopology.isLivePicture("", " LIVE ", "")).isTrue();
    assertThat(LiveTopology.isLivePicture("my_bridge", "images/08.png", "live")).isTrue();
    assertThat(LiveTopology.isLivePicture("x", "netbook:topology", null)).isTrue();
    assertThat(LiveTopology.isLivePicture("topology", "images/08.png", null)).isFalse();
    assertThat(LiveTopology.isLivePicture(null, null, null)).isFalse();
  }
}
