package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabImagesTest {
  @Test
  void tutorialNamesWithAnyTagMapToTheLabImages() {
    assertThat(LabImages.aliasFor("ubuntu")).contains(LabImages.TOOLBOX);
    assertThat(LabImages.aliasFor("ubuntu:22.04")).contains(LabImages.TOOLBOX);
    assertThat(LabImages.aliasFor("docker.io/library/nginx:latest")).contains(LabImages.WEB);
    assertThat(LabImages.aliasFor("alpine@sha256:abc")).contains(LabImages.TOOLBOX);
  }

  @Test
  void otherImagesHaveNoStandIn() {
    assertThat(LabImages.aliasFor("postgres:16")).isEmpty();
    assertThat(LabImages.aliasFor("localhost:5000/ubuntu-tools")).isEmpty();
    assertThat(LabImages.aliasFor(LabImages.TOOLBOX)).isEmpty();
  }
}
