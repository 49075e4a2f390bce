package org.mxagent.crypto.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void errorNamesResolveWithOrWithoutThePrefix() {
        assertEquals(OlmError.BAD_MESSAGE_KEY_ID, OlmError.fromName("BAD_MESSAGE_KEY_ID"));
        assertEquals(OlmError.BAD_MESSAGE_KEY_ID, OlmError.fromName("OLM_BAD_MESSAGE_KEY_ID"));
        assertEquals(OlmError.SAS_THEIR_KEY_NOT_SET, OlmError.fromName("OLM_SAS_THEIR_KEY_NOT_SET"));
        assertEquals(OlmError.INPUT_BUFFER_TOO_SMALL, OlmError.fromName("INPUT_BUFFER_TOO_SMALL"));
        assertEquals(OlmError.UNKNOWN_ERROR, OlmError.fromName("SOMETHING_NEW"));
        assertEquals(OlmError.UNKNOWN_ERROR, OlmError.fromName(null));
    }

    @Test
    void errorCodesFollowLibolmsEnum() {
        assertEquals(OlmError.BAD_MESSAGE_MAC, OlmError.fromCode(5));
        assertEquals(OlmError.UNKNOWN_MESSAGE_INDEX, OlmError.fromCode(12));
        assertEquals(OlmError.PICKLE_EXTRA_DATA, OlmError.fromCode(17));
        assertEquals(OlmError.UNKNOWN_ERROR, OlmError.fromCode(0), "success is not an error");
        assertEquals(OlmError.UNKNOWN_ERROR, OlmError.fromCode(99));
        for (OlmError error : OlmError.values()) {
            assertEquals(error, OlmError.fromCode(error.code()));
            assertEquals(error, OlmError.fromName(error.olmName()));
        }
    }

    @Test
    void exceptionCarriesTheError() {
        OlmException e = new OlmException(OlmError.BAD_MESSAGE_MAC, "olm_decrypt: BAD_MESSAGE_MAC");
        assertEquals(OlmError.BAD_MESSAGE_MAC, e.error());
        assertEquals("BAD_MESSAGE_MAC", e.olmName());
        assertThrows(NullPointerException.class, () -> new OlmException(null, "x"));
    }

    @Test
    void olmMessageTypeIsZeroOrOne() {
        assertTrue(new OlmMessage(OlmMessage.PRE_KEY, "AwogAAA").isPreKey());
        assertFalse(new OlmMessage(OlmMessage.MESSAGE, "AwogAAA").isPreKey());
        assertThrows(IllegalArgumentException.class, () -> new OlmMessage(2, "x"));
        assertThrows(NullPointerException.class, () -> new OlmMessage(0, null));
    }

    @Test
    void groupDecryptionIndexIsUnsigned32Bit() {
        assertEquals(0xFFFF_FFFFL, new GroupDecryption(new byte[0], 0xFFFF_FFFFL).messageIndex());
        assertThrows(IllegalArgumentException.class, () -> new GroupDecryption(new byte[0], -1));
        assertThrows(IllegalArgumentException.class, () -> new GroupDecryption(new byte[0], 1L << 32));
    }

    @Test
    void sasMacMethodsByWireName() {
        assertEquals(SasMac.HKDF_HMAC_SHA256_V2, SasMac.fromWireName("hkdf-hmac-sha256.v2"));
        assertEquals(SasMac.HKDF_HMAC_SHA256, SasMac.fromWireName("hkdf-hmac-sha256"));
        assertEquals(SasMac.HMAC_SHA256, SasMac.fromWireName("hmac-sha256"));
        assertThrows(IllegalArgumentException.class, () -> SasMac.fromWireName("org.example.mac"));
    }
}
