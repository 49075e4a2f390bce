package org.mxagent.crypto.api;

/**
 * One emoji of the short authentication string, as in the Matrix specification's table.
 *
 * @param number its index in the table (0-63)
 * @param emoji the emoji character(s)
 * @param description its English name (the spec's translation key)
 */
public record SasEmoji(int number, String emoji, String description) {}
