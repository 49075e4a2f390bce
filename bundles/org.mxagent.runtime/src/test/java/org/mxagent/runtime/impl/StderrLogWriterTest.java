package org.mxagent.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class StderrLogWriterTest {
    @Test
    void thresholdLetsMoreSevereEntriesThrough() {
        assertTrue(StderrLogWriter.shown(LogLevel.WARN, LogLevel.ERROR, "boom"));
        assertTrue(StderrLogWriter.shown(LogLevel.WARN, LogLevel.WARN, "careful"));
        assertFalse(StderrLogWriter.shown(LogLevel.WARN, LogLevel.INFO, "chatty"));
        assertTrue(StderrLogWriter.shown(LogLevel.INFO, LogLevel.INFO, "logged in"));
    }

    @Test
    void frameworkEventsOnlyFromDebugUp() {
        assertFalse(StderrLogWriter.shown(LogLevel.INFO, LogLevel.INFO, "ServiceEvent REGISTERED"));
        assertTrue(StderrLogWriter.shown(LogLevel.DEBUG, LogLevel.DEBUG, "ServiceEvent REGISTERED"));
        assertTrue(StderrLogWriter.shown(LogLevel.INFO, LogLevel.ERROR, "FrameworkEvent ERROR"));
    }

    @Test
    void unknownLevelNamesFallBackToWarn() {
        assertEquals(LogLevel.WARN, StderrLogWriter.parseLevel("loud"));
        assertEquals(LogLevel.WARN, StderrLogWriter.parseLevel("warning"));
        assertEquals(LogLevel.DEBUG, StderrLogWriter.parseLevel(" Debug "));
    }
}
