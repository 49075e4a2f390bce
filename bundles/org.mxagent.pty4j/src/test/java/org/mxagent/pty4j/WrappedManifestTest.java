package org.mxagent.pty4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifest bnd wrote into target/classes (what the jar gets): exports, private copies, optional imports. */
class WrappedManifestTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static Attributes main;

    @BeforeAll
    static void readManifest() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            main = new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void isABundleWithPty4jsVersion() {
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertEquals("org.mxagent.pty4j", main.getValue("Bundle-SymbolicName"));
        assertEquals("0.13.12", main.getValue("Bundle-Version"));
    }

    @Test
    void exportsComPty4jWithTheJarsVersion() {
        Map<String, String> exports = ManifestHeaders.clauses(main.getValue("Export-Package"));
        for (String pkg : new String[] {"com.pty4j", "com.pty4j.unix", "com.pty4j.unix.linux", "com.pty4j.util"}) {
            assertTrue(exports.containsKey(pkg), pkg + " exported: " + exports.keySet());
            assertTrue(exports.get(pkg).contains("version=\"0.13.12\""), pkg + ": " + exports.get(pkg));
        }
    }

    @Test
    void kotlinAndSlf4jArePrivateCopies() {
        Map<String, String> exports = ManifestHeaders.clauses(main.getValue("Export-Package"));
        Map<String, String> imports = ManifestHeaders.clauses(main.getValue("Import-Package"));
        for (String name : exports.keySet()) {
            assertTrue(name.startsWith("com.pty4j"), "unexpected export " + name);
        }
        assertFalse(imports.containsKey("org.slf4j"), "slf4j must not be imported");
        assertFalse(imports.containsKey("kotlin"), "kotlin must not be imported");
        assertTrue(Files.isRegularFile(CLASSES.resolve("kotlin/Unit.class")));
        assertTrue(Files.isRegularFile(CLASSES.resolve("org/slf4j/LoggerFactory.class")));
    }

    @Test
    void everyImportIsFromAnOsgiBundleOrOptional() {
        Map<String, String> imports = ManifestHeaders.clauses(main.getValue("Import-Package"));
        imports.forEach((pkg, attributes) -> {
            boolean provided = pkg.startsWith("java.") || pkg.startsWith("com.sun.jna") || pkg.startsWith("com.pty4j")
                    || pkg.startsWith("org.osgi.");
            assertTrue(provided || attributes.contains("resolution:=optional"), pkg + " " + attributes);
        });
    }

    @Test
    void nativeLibrariesStayWherePty4jExtractsThemFrom() {
        for (String arch : new String[] {"x86-64", "aarch64"}) {
            Path lib = CLASSES.resolve("resources/com/pty4j/native/linux/" + arch + "/libpty.so");
            assertTrue(Files.isRegularFile(lib), lib.toString());
        }
    }
}
