package netbook.notebook;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.lab.SessionConfig;

/** An engine with nothing in it, for notebook tests whose cells do not touch Docker. */
public final class NoEngine {
  private NoEngine() {}

  public static Engine engine() {
    return (Engine)
        Proxy.newProxyInstance(
            Engine.class.getClassLoader(),
            new Class<?>[] {Engine.class},
            (proxy, method, args) -> {
              Class<?> t = method.getReturnType();
              if (t == List.class) {
                return List.of();
              }
              if (t == Optional.class) {
                return Optional.empty();
              }
              if (method.getName().equals("toString")) {
                return "no engine";
              }
              if (t == void.class) {
                return null;
              }
              throw new UnsupportedOperationException(
                  "no engine in this test: " + method.getName());
            });
  }

  public static Session session() {
    return new Session(
        engine(),
        new SessionConfig(
            "t" + ProcessHandle.current().pid(),
            true,
            ProcessHandle.current().pid(),
            "",
            l -> {},
            null));
  }
}
