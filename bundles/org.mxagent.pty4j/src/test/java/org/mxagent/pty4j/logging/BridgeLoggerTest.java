package org.mxagent.pty4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Outside a framework the bridge keeps warnings and errors (to the fallback stream) and drops debug noise. */
class BridgeLoggerTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Logger logger = new BridgeLoggerFactory(
            new LogTarget(null, new PrintStream(captured, true, StandardCharsets.UTF_8))).getLogger("pty4j.test");

    @Test
    void warningsAndErrorsReachTheFallbackFormatted() {
        logger.warn("cannot open {} ({})", "/dev/ptmx", "{literal}");
        logger.error("failed", new IllegalStateException("boom"));
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("WARN pty4j.test: cannot open /dev/ptmx ({literal})"), text);
        assertTrue(text.contains("ERROR pty4j.test: failed"), text);
        assertTrue(text.contains("IllegalStateException: boom"), text);
    }

    @Test
    void debugIsOffWithoutALogService() {
        assertFalse(logger.isDebugEnabled());
        assertTrue(logger.isWarnEnabled());
        logger.debug("noise {}", 1);
        logger.info("chatter");
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
