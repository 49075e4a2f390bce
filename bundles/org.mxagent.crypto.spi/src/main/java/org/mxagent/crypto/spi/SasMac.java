package org.mxagent.crypto.spi;

/**
 * The SAS MAC methods of {@code m.key.verification.*}, by their wire names. The two older ones are kept
 * for interoperating with clients that only offer them.
 */
public enum SasMac {
    /** {@code hkdf-hmac-sha256.v2}: HKDF-derived key, correct base64. The one to prefer. */
    HKDF_HMAC_SHA256_V2("hkdf-hmac-sha256.v2"),
    /** {@code hkdf-hmac-sha256}: as v2 but with libolm's historical, incorrect base64 encoding of the MAC. */
    HKDF_HMAC_SHA256("hkdf-hmac-sha256"),
    /** {@code hmac-sha256}: the legacy method, a longer KDF output (libolm's {@code calculate_mac_long_kdf}). */
    HMAC_SHA256("hmac-sha256");

    private final String wireName;

    SasMac(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in {@code message_authentication_codes}. */
    public String wireName() {
        return wireName;
    }

    /** The method with that wire name. */
    public static SasMac fromWireName(String name) {
        for (SasMac mac : values()) {
            if (mac.wireName.equals(name)) {
                return mac;
            }
        }
        throw new IllegalArgumentException("unknown SAS MAC method: " + name);
    }
}
