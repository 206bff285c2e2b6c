package org.disentangle4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run's JVM finds the command line: the jar that spark-submit --jars put on the task's class loader, else this class path. */
class DisentangleJvmTest {
    @Test
    void aRunsJvmUsesTheDisentangleJarAloneWhenTheTaskLoaderHasIt(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("dir with space").resolve("disentangle.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(DisentangleJvm.MAIN.replace('.', '/') + ".class"));
            out.write(new byte[] {1});
            out.closeEntry();
        }
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        // parent null: the loader sees only the jar, as an executor's task loader sees the shipped jar first
        try (URLClassLoader task = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            thread.setContextClassLoader(task);
            assertEquals(jar.toString(), DisentangleJvm.classpath());
            List<String> command = new DisentangleJvm(List.of("-Xmx1g")).command(List.of("sweep", "g.json"));
            assertEquals(List.of("-Xmx1g", "-Ddisentangle.exitWithParent=true", "-cp", jar.toString(), DisentangleJvm.MAIN, "sweep", "g.json"),
                    command.subList(1, command.size()));
        } finally {
            thread.setContextClassLoader(saved);
        }
        // in the build (classes directories), the command line is on this JVM's class path
        assertEquals(System.getProperty("java.class.path"), DisentangleJvm.classpath());
        assertTrue(DisentangleJvm.of("  -Xmx2g   -Xss4m ").javaOptions().equals(List.of("-Xmx2g", "-Xss4m")));
        assertTrue(DisentangleJvm.of(" ").javaOptions().isEmpty());
    }
}
