package io.wirestream.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a suite that runs on {@link TestInfrastructure#containers()}. Where no Docker engine runs, the whole class is
 * skipped before anything starts, with one line naming the suite and its embedded twin (printed, and given as the
 * skip reason), so the build shows every one of its tests as skipped rather than failed or silently absent.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DockerEngineCondition.class)
public @interface ContainerSuite {

    /** The suite that runs the same tests on the embedded infrastructure. */
    String embeddedTwin();
}
