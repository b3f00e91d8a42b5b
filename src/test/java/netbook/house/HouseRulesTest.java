package netbook.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of DESIGN.md as tests over netbook's own classes: the packages depend on each
 * other in one direction, only engine/docker knows docker-java, only cli knows the process, and no
 * class outside cli keeps mutable state in a static field (the session object owns it).
 */
class HouseRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("netbook");
  }

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching("netbook.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyTheDockerAdapterKnowsDockerJava() {
    noClasses()
        .that()
        .resideOutsideOfPackage("netbook.engine.docker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.dockerjava..")
        .check(classes);
  }

  @Test
  void theLabApiKnowsOnlyTheEnginePort() {
    noClasses()
        .that()
        .resideInAPackage("netbook.lab..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "netbook.engine.docker..",
            "netbook.engine.embedded..",
            "netbook.console..",
            "netbook.notebook..",
            "netbook.shell..",
            "netbook.repl..",
            "netbook.cli..")
        .check(classes);
  }

  @Test
  void theEngineKnowsNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("netbook.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "netbook.lab..",
            "netbook.console..",
            "netbook.notebook..",
            "netbook.shell..",
            "netbook.repl..",
            "netbook.render..",
            "netbook.cli..")
        .check(classes);
  }

  @Test
  void onlyCliTouchesTheProcess() {
    noClasses()
        .that()
        .resideOutsideOfPackage("netbook.cli..")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(System.class, "setOut", java.io.PrintStream.class)
        .orShould()
        .callMethod(System.class, "setErr", java.io.PrintStream.class)
        .orShould()
        .accessField(System.class, "in")
        .check(classes);
  }

  @Test
  void noStaticFieldOutsideCliCanBeReassigned() {
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("netbook.cli..")
        .and()
        .areStatic()
        .should()
        .notHaveModifier(JavaModifier.FINAL)
        .check(classes);
  }

  /**
   * Static final collections and maps outside cli are constants: their values are immutable. (The
   * lab API's binding of a snippet thread to its session is a thread's context, not a registry: the
   * one exception, named.)
   */
  @Test
  void noStaticCollectionOutsideCliCanBeChanged() throws Exception {
    Set<String> contexts = Set.of("netbook.lab.Lab.BOUND");
    List<String> mutable = new ArrayList<>();
    for (var c : classes) {
      if (c.getPackageName().startsWith("netbook.cli")) {
        continue;
      }
      for (JavaField f : c.getFields()) {
        if (!f.getModifiers().contains(JavaModifier.STATIC)) {
          continue;
        }
        Class<?> type = f.getRawType().reflect();
        String name = c.getName() + "." + f.getName();
        if (ThreadLocal.class.isAssignableFrom(type) && !contexts.contains(name)) {
          mutable.add(name + " (a thread-local)");
        }
        if (!Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
          continue;
        }
        Field field = f.reflect();
        field.setAccessible(true);
        Object value = field.get(null);
        if (value != null && !immutable(value)) {
          mutable.add(name + " (" + value.getClass().getName() + ")");
        }
      }
    }
    assertThat(mutable).as("static mutable collections outside cli").isEmpty();
  }

  private static boolean immutable(Object value) {
    String cls = value.getClass().getName();
    return cls.startsWith("java.util.ImmutableCollections")
        || cls.startsWith("java.util.Collections$Unmodifiable")
        || cls.startsWith("java.util.Collections$Empty")
        || cls.startsWith("java.util.Collections$Singleton");
  }
}
