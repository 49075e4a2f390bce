package org.mxagent.discovery.impl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {
    private static final Map<String, String> OPTIONS = Map.of("-l", "level", "--level", "level");

    @Test
    void optionsAnywhereAndPositionalsInOrder() {
        CommandOptions options = CommandOptions.parse(new Object[] {"!room", "--level", "40", "@bob:x"}, OPTIONS);
        assertEquals(40, options.integer("level", 50));
        assertEquals(List.of("!room", "@bob:x"), options.positional("<room>", "<user>"));
        assertEquals(50, CommandOptions.parse(new Object[] {"!room"}, OPTIONS).integer("level", 50));
        assertEquals(7, CommandOptions.parse(new Object[] {"-l", "7"}, OPTIONS).integer("level", 50));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatWasExpected() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.parse(new Object[] {"--levle", "4"}, OPTIONS));
        assertTrue(unknown.getMessage().contains("unknown option --levle"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandOptions.parse(new Object[] {"--level"}, OPTIONS));
        assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.parse(new Object[] {"--level", "x"}, OPTIONS).integer("level", 1));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CommandOptions.parse(new Object[] {"!room"}, OPTIONS).positional("<room>", "<user>"));
        assertTrue(missing.getMessage().contains("<room> <user>"), missing.getMessage());
    }

    @Test
    void durationsAsTheCliSpellsThem() {
        assertEquals(0, CommandInput.millis("", "--heartbeat-interval"), "absent");
        assertEquals(1_500, CommandInput.millis("1500ms", "--heartbeat-interval"));
        assertEquals(2_000, CommandInput.millis("2s", "--heartbeat-interval"));
        assertEquals(2_000, CommandInput.millis("2", "--heartbeat-interval"));
        assertEquals(300_000, CommandInput.millis("5m", "--heartbeat-interval"));
        assertEquals(3_600_000, CommandInput.millis("1h", "--heartbeat-interval"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CommandInput.millis("-1s", "--heartbeat-interval"));
        assertEquals("--heartbeat-interval takes a positive duration such as 2s, 5m or 1500ms, not '-1s'",
                bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandInput.millis("soon", "--heartbeat-interval"));
    }
}
