package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import netbook.console.Docker;
import netbook.lab.Check;
import netbook.lab.CleanupReport;
import netbook.lab.Container;
import netbook.lab.ContainerTable;
import netbook.lab.Exercises;
import netbook.lab.HostView;
import netbook.lab.HttpResult;
import netbook.lab.Lab;
import netbook.lab.Network;
import netbook.lab.NetworkTable;
import netbook.lab.PingResult;
import netbook.lab.Service;
import netbook.lab.SwarmTask;
import netbook.lab.TaskTable;
import netbook.lab.Text;
import netbook.render.topology.Diagram;
import org.junit.jupiter.api.Test;

/** The API's Javadoc as Shift-Tab shows it: every public method a learner calls has one. */
class ApiDocsTest {
  /** The classes a learner reaches from the preloaded imports. */
  static final List<Class<?>> API =
      List.of(
          Lab.class,
          Container.class,
          Network.class,
          ContainerTable.class,
          NetworkTable.class,
          PingResult.class,
          HttpResult.class,
          HostView.class,
          CleanupReport.class,
          Text.class,
          Service.class,
          TaskTable.class,
          SwarmTask.class,
          Diagram.class,
          Exercises.class,
          Check.class,
          Docker.class);

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  @Test
  void everyPublicMethodOfTheApiHasItsJavadoc() {
    ApiDocs docs = ApiDocs.shipped();
    List<String> missing = new ArrayList<>();
    for (Class<?> c : API) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())
            || m.isSynthetic()
            || OBJECT_METHODS.contains(m.getName())
            || isRecordAccessor(c, m)) {
          continue;
        }
        String key =
            c.getSimpleName()
                + "."
                + m.getName()
                + "("
                + Arrays.stream(m.getParameterTypes())
                    .map(Class::getSimpleName)
                    .collect(Collectors.joining(","))
                + ")";
        if (!docs.keys().contains(key)) {
          missing.add(key);
        }
      }
    }
    assertThat(missing).as("public API methods without Javadoc").isEmpty();
  }

  private static boolean isRecordAccessor(Class<?> c, Method m) {
    return c.isRecord()
        && m.getParameterCount() == 0
        && Arrays.stream(c.getRecordComponents()).anyMatch(rc -> rc.getName().equals(m.getName()));
  }

  @Test
  void aJShellSignatureFindsItsDocumentation() {
    ApiDocs docs = ApiDocs.shipped();
    assertThat(docs.lookup("PingResult Container.ping(String target, int count)"))
        .hasValueSatisfying(d -> assertThat(d).contains("count times"));
    assertThat(docs.lookup("Container Network.run(String image, RunOption... options)"))
        .hasValueSatisfying(d -> assertThat(d).contains("Runs a container on this network"));
    assertThat(docs.lookup("netbook.lab.Container")).isPresent();
    assertThat(docs.lookup("String String.substring(int beginIndex)")).isEmpty();
  }

  @Test
  void signaturesBecomeKeys() {
    assertThat(ApiDocs.key("PingResult Container.ping(String target, int count)"))
        .hasValue("Container.ping(String,int)");
    assertThat(ApiDocs.key("Container Lab.run(String image, RunOption... options)"))
        .hasValue("Lab.run(String,RunOption[])");
    assertThat(ApiDocs.key("<T> List<T> Foo.bar(Map<String, List<T>> m, int[] a)"))
        .hasValue("Foo.bar(Map,int[])");
    assertThat(ApiDocs.key("netbook.lab.Network")).hasValue("Network");
  }

  @Test
  void inlineTagsAndHtmlBecomePlainText() {
    assertThat(
            ApiDocs.render(
                "Pings {@code a}, see {@link Lab#net(String)}.\n Next line.<p>Then {@link Foo"
                    + " the foo}.\n@param count how many"))
        .isEqualTo("Pings a, see Lab.net().\nNext line.\n\nThen the foo.\n  count: how many");
  }
}
