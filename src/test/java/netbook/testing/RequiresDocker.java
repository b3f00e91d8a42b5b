package netbook.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import netbook.engine.Engine;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test (or every test of the class) needs the real Docker daemon: without one it is skipped, or
 * fails when NETBOOK_REQUIRE_DOCKER=1 (as CI sets). An {@link Engine} parameter of a test or
 * {@code @BeforeEach} method gets a connection of its own, closed when the test ends. See {@link
 * RealDockerExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RealDockerExtension.class)
public @interface RequiresDocker {}
