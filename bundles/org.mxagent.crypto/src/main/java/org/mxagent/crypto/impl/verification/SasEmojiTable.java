package org.mxagent.crypto.impl.verification;

import java.util.ArrayList;
import java.util.List;
import org.mxagent.crypto.api.SasEmoji;

/** The 64 emoji of the Matrix specification's SAS table and the SAS encodings (emoji from 6 bytes, decimal from 5). */
public final class SasEmojiTable {
    static final List<SasEmoji> TABLE = List.of(
        new SasEmoji(0, "🐶", "Dog"),
        new SasEmoji(1, "🐱", "Cat"),
        new SasEmoji(2, "🦁", "Lion"),
        new SasEmoji(3, "🐎", "Horse"),
        new SasEmoji(4, "🦄", "Unicorn"),
        new SasEmoji(5, "🐷", "Pig"),
        new SasEmoji(6, "🐘", "Elephant"),
        new SasEmoji(7, "🐰", "Rabbit"),
        new SasEmoji(8, "🐼", "Panda"),
        new SasEmoji(9, "🐓", "Rooster"),
        new SasEmoji(10, "🐧", "Penguin"),
        new SasEmoji(11, "🐢", "Turtle"),
        new SasEmoji(12, "🐟", "Fish"),
        new SasEmoji(13, "🐙", "Octopus"),
        new SasEmoji(14, "🦋", "Butterfly"),
        new SasEmoji(15, "🌷", "Flower"),
        new SasEmoji(16, "🌳", "Tree"),
        new SasEmoji(17, "🌵", "Cactus"),
        new SasEmoji(18, "🍄", "Mushroom"),
        new SasEmoji(19, "🌏", "Globe"),
        new SasEmoji(20, "🌙", "Moon"),
        new SasEmoji(21, "☁️", "Cloud"),
        new SasEmoji(22, "🔥", "Fire"),
        new SasEmoji(23, "🍌", "Banana"),
        new SasEmoji(24, "🍎", "Apple"),
        new SasEmoji(25, "🍓", "Strawberry"),
        new SasEmoji(26, "🌽", "Corn"),
        new SasEmoji(27, "🍕", "Pizza"),
        new SasEmoji(28, "🎂", "Cake"),
        new SasEmoji(29, "❤️", "Heart"),
        new SasEmoji(30, "😀", "Smiley"),
        new SasEmoji(31, "🤖", "Robot"),
        new SasEmoji(32, "🎩", "Hat"),
        new SasEmoji(33, "👓", "Glasses"),
        new SasEmoji(34, "🔧", "Wrench"),
        new SasEmoji(35, "🎅", "Santa"),
        new SasEmoji(36, "👍", "Thumbs up"),
        new SasEmoji(37, "☂️", "Umbrella"),
        new SasEmoji(38, "⌛", "Hourglass"),
        new SasEmoji(39, "⏰", "Clock"),
        new SasEmoji(40, "🎁", "Gift"),
        new SasEmoji(41, "💡", "Light Bulb"),
        new SasEmoji(42, "📕", "Book"),
        new SasEmoji(43, "✏️", "Pencil"),
        new SasEmoji(44, "📎", "Paperclip"),
        new SasEmoji(45, "✂️", "Scissors"),
        new SasEmoji(46, "🔒", "Lock"),
        new SasEmoji(47, "🔑", "Key"),
        new SasEmoji(48, "🔨", "Hammer"),
        new SasEmoji(49, "☎️", "Telephone"),
        new SasEmoji(50, "🏁", "Flag"),
        new SasEmoji(51, "🚂", "Train"),
        new SasEmoji(52, "🚲", "Bicycle"),
        new SasEmoji(53, "✈️", "Airplane"),
        new SasEmoji(54, "🚀", "Rocket"),
        new SasEmoji(55, "🏆", "Trophy"),
        new SasEmoji(56, "⚽", "Ball"),
        new SasEmoji(57, "🎸", "Guitar"),
        new SasEmoji(58, "🎺", "Trumpet"),
        new SasEmoji(59, "🔔", "Bell"),
        new SasEmoji(60, "⚓", "Anchor"),
        new SasEmoji(61, "🎧", "Headphones"),
        new SasEmoji(62, "📁", "Folder"),
        new SasEmoji(63, "📌", "Pin"));

    private SasEmojiTable() {}

    /** 7 emoji: the first 42 bits of {@code bytes} (at least 6), 6 bits each. */
    public static List<SasEmoji> emoji(byte[] bytes) {
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (bytes[i] & 0xff);
        }
        List<SasEmoji> out = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            out.add(TABLE.get((int) ((bits >> (48 - 6 * (i + 1))) & 0x3f)));
        }
        return out;
    }

    /** 3 numbers 1000-9191: the first 39 bits of {@code bytes} (at least 5), 13 bits each, plus 1000. */
    public static List<Integer> decimals(byte[] bytes) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (bytes[i] & 0xff);
        }
        return List.of((int) ((bits >> 27) & 0x1fff) + 1000, (int) ((bits >> 14) & 0x1fff) + 1000,
                (int) ((bits >> 1) & 0x1fff) + 1000);
    }
}
