package org.mxagent.crypto.olm.impl;

import java.nio.charset.StandardCharsets;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Sas;
import org.mxagent.crypto.spi.SasMac;

/** {@link Sas} over {@code OlmSAS}. Its calls return 0, not a length, on success. */
final class LibolmSas extends NativeObject implements Sas {

    private LibolmSas(Libolm olm) {
        super(olm, olm.lib()::olm_sas_size, olm.lib()::olm_sas, olm.lib()::olm_clear_sas);
    }

    static LibolmSas create(Libolm olm) {
        LibolmSas sas = new LibolmSas(olm);
        try (Secret random = Secret.random(olm, olm.lib().olm_create_sas_random_length(sas.ptr))) {
            sas.checkInternal(olm.lib().olm_create_sas(sas.ptr, random.pointer(), random.length()), "olm_create_sas");
            return sas;
        } catch (RuntimeException e) {
            sas.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_sas_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_sas_last_error_code(ptr);
    }

    @Override
    public synchronized String publicKey() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_sas_pubkey_length(ptr))];
        checkInternal(lib.olm_sas_get_pubkey(ptr, out, out.length), "olm_sas_get_pubkey");
        return ascii(out, out.length);
    }

    @Override
    public synchronized void setTheirPublicKey(String theirPublicKey) throws OlmException {
        ensureOpen();
        byte[] key = ascii(theirPublicKey, "theirPublicKey");
        check(lib.olm_sas_set_their_key(ptr, key, key.length), "olm_sas_set_their_key");
    }

    @Override
    public synchronized boolean isTheirKeySet() {
        ensureOpen();
        return lib.olm_sas_is_their_key_set(ptr) != 0;
    }

    @Override
    public synchronized byte[] generateBytes(String info, int length) throws OlmException {
        if (length <= 0) {
            throw new IllegalArgumentException("SAS byte count must be positive: " + length);
        }
        ensureOpen();
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        check(lib.olm_sas_generate_bytes(ptr, infoBytes, infoBytes.length, out, out.length), "olm_sas_generate_bytes");
        return out;
    }

    @Override
    public synchronized String calculateMac(SasMac method, String input, String info) throws OlmException {
        ensureOpen();
        byte[] inputBytes = input.getBytes(StandardCharsets.UTF_8);
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] mac = new byte[Math.toIntExact(lib.olm_sas_mac_length(ptr))];
        switch (method) {
            case HKDF_HMAC_SHA256_V2 -> check(lib.olm_sas_calculate_mac_fixed_base64(ptr, inputBytes, inputBytes.length,
                    infoBytes, infoBytes.length, mac, mac.length), "olm_sas_calculate_mac_fixed_base64");
            case HKDF_HMAC_SHA256 -> check(lib.olm_sas_calculate_mac(ptr, inputBytes, inputBytes.length, infoBytes,
                    infoBytes.length, mac, mac.length), "olm_sas_calculate_mac");
            case HMAC_SHA256 -> check(lib.olm_sas_calculate_mac_long_kdf(ptr, inputBytes, inputBytes.length,
                    infoBytes, infoBytes.length, mac, mac.length), "olm_sas_calculate_mac_long_kdf");
            default -> throw new IllegalArgumentException("unsupported SAS MAC method " + method);
        }
        return ascii(mac, mac.length);
    }
}
