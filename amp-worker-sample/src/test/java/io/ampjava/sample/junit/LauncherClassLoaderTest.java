package io.ampjava.sample.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.demo.DemoTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;

class LauncherClassLoaderTest {
    private final ClassLoader tests = DemoTest.class.getClassLoader();

    @Test
    void withoutARecordingJunitCannotSeeTheFlightRecorder() {
        ClassLoader loader = LauncherClassLoader.of(tests, false);

        ClassNotFoundException hidden = assertThrows(ClassNotFoundException.class,
                () -> Class.forName("jdk.jfr.FlightRecorder", false, loader));
        assertTrue(hidden.getMessage().startsWith("jdk.jfr.FlightRecorder"), hidden::getMessage);
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jdk.jfr.Event"));
    }

    @Test
    void everythingElseIsTheTestLoadersOwn() throws Exception {
        ClassLoader loader = LauncherClassLoader.of(tests, false);

        assertSame(DemoTest.class, Class.forName(DemoTest.class.getName(), false, loader));
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertEquals(Collections.list(tests.getResources("META-INF/services/" + TestEngine.class.getName())),
                Collections.list(loader.getResources("META-INF/services/" + TestEngine.class.getName())));
        assertNotNull(loader.getResource(DemoTest.class.getName().replace('.', '/') + ".class"));
    }

    @Test
    void whileARecordingRunsJunitGetsTheTestLoaderItself() {
        assertSame(tests, LauncherClassLoader.of(tests, true));
    }
}
