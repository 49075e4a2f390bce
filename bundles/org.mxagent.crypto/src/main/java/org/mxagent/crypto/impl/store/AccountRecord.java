package org.mxagent.crypto.impl.store;

/**
 * The pickled Olm account and whether its device keys are on the homeserver.
 *
 * @param pickle the account pickled with the store key
 * @param deviceKeysUploaded whether {@code /keys/upload} with the device keys succeeded
 */
public record AccountRecord(String pickle, boolean deviceKeysUploaded) {}
