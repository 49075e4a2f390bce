package org.mxagent.discovery.api;

/**
 * A joined member of a workspace room and the power level it has there. {@code creator} marks a room creator, whose
 * power in room version 12 and later is unlimited whatever {@code powerLevel} says (reported as 100).
 */
public record Member(String userId, String displayName, long powerLevel, boolean creator) {}
