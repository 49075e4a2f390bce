package org.mxagent.terminal.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.mxagent.terminal.api.Signals;

class SmallPartsTest {
    @Test
    void exitValuesAbove128AreSignalsWhenTheyNameOne() {
        assertEquals(new ExitStatus(0, null), ExitStatus.of(0));
        assertEquals(new ExitStatus(127, null), ExitStatus.of(127));
        assertEquals(new ExitStatus(128, null), ExitStatus.of(128));
        assertEquals(new ExitStatus(null, "SIGKILL"), ExitStatus.of(137));
        assertEquals(new ExitStatus(null, "SIGTERM"), ExitStatus.of(143));
        assertEquals(new ExitStatus(null, "SIGINT"), ExitStatus.of(130));
        assertEquals(new ExitStatus(255, null), ExitStatus.of(255), "ssh's 255 is no signal");
    }

    @Test
    void signalNamesAndNumbers() {
        assertEquals("SIGSEGV", Signals.name(11).orElseThrow());
        assertEquals(OptionalInt.of(15), Signals.number("SIGTERM"));
        assertTrue(Signals.name(0).isEmpty());
        assertTrue(Signals.name(40).isEmpty());
        assertTrue(Signals.number("SIGNOPE").isEmpty());
    }

    @Test
    void outputCapKeepsUpToTheLimitAcrossCalls() {
        OutputCap cap = new OutputCap(10);
        assertEquals(6, cap.admit(6));
        assertFalse(cap.truncated());
        assertEquals(4, cap.admit(6));
        assertEquals(0, cap.admit(100));
        assertTrue(cap.truncated());
        assertEquals(102, cap.dropped());
        assertEquals(5, new OutputCap(Long.MAX_VALUE).admit(5));
    }

    @Test
    void tailKeepsTheLastBytesAndDropsACutCharacter() {
        TailBuffer tail = new TailBuffer(8);
        tail.write("ab".getBytes(UTF_8), 0, 2);
        assertEquals("ab", tail.text());
        byte[] text = "xxxx€uvwxyz".getBytes(UTF_8);
        tail.write(text, 0, text.length);
        // The last 8 bytes start inside "€" (3 bytes): its two continuation bytes are dropped.
        assertEquals("uvwxyz", tail.text());
        byte[] many = "0123456789abcdefghij".getBytes(UTF_8);
        tail.write(many, 0, many.length);
        assertEquals("cdefghij", tail.text());
    }

    @Test
    void hostToolsFindExecutablesOnAbsolutePathEntriesOnly() {
        assertTrue(HostTools.find("sh", "/usr/bin:/bin").isPresent());
        assertTrue(HostTools.find("sh", "bin:.").isEmpty());
        assertTrue(HostTools.find("no-such-tool-here", "/usr/bin:/bin").isEmpty());
    }
}
