package org.mxagent.crypto.olm.impl;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of libolm 3.2's C API this binding uses, mapped for JNA. {@code size_t} is Java {@code long}
 * (checked to be 8 bytes when loading), {@code uint32_t} is {@code int} (read unsigned), enums are
 * {@code int}. Public data travels as {@code byte[]} (JNA copies it to native memory for the call and back
 * afterwards); secrets going in (random bytes that become keys, pickle keys, private keys, seeds) travel as
 * {@link Pointer}s to {@link Secret} memory that is wiped after the call. Object pointers are the
 * caller-allocated memory libolm initialised.
 */
interface OlmLibrary extends Library {
    // Library-wide
    void olm_get_library_version(byte[] major, byte[] minor, byte[] patch);

    long olm_error();

    // Account
    long olm_account_size();

    Pointer olm_account(Pointer memory);

    String olm_account_last_error(Pointer account);

    int olm_account_last_error_code(Pointer account);

    long olm_clear_account(Pointer account);

    long olm_pickle_account_length(Pointer account);

    long olm_pickle_account(Pointer account, Pointer key, long keyLength, byte[] pickled, long pickledLength);

    long olm_unpickle_account(Pointer account, Pointer key, long keyLength, byte[] pickled, long pickledLength);

    long olm_create_account_random_length(Pointer account);

    long olm_create_account(Pointer account, Pointer random, long randomLength);

    long olm_account_identity_keys_length(Pointer account);

    long olm_account_identity_keys(Pointer account, byte[] identityKeys, long identityKeysLength);

    long olm_account_signature_length(Pointer account);

    long olm_account_sign(Pointer account, byte[] message, long messageLength, byte[] signature,
            long signatureLength);

    long olm_account_one_time_keys_length(Pointer account);

    long olm_account_one_time_keys(Pointer account, byte[] oneTimeKeys, long oneTimeKeysLength);

    long olm_account_mark_keys_as_published(Pointer account);

    long olm_account_max_number_of_one_time_keys(Pointer account);

    long olm_account_generate_one_time_keys_random_length(Pointer account, long numberOfKeys);

    long olm_account_generate_one_time_keys(Pointer account, long numberOfKeys, Pointer random, long randomLength);

    long olm_account_generate_fallback_key_random_length(Pointer account);

    long olm_account_generate_fallback_key(Pointer account, Pointer random, long randomLength);

    long olm_account_unpublished_fallback_key_length(Pointer account);

    long olm_account_unpublished_fallback_key(Pointer account, byte[] fallbackKey, long fallbackKeySize);

    void olm_account_forget_old_fallback_key(Pointer account);

    long olm_remove_one_time_keys(Pointer account, Pointer session);

    // Session
    long olm_session_size();

    Pointer olm_session(Pointer memory);

    String olm_session_last_error(Pointer session);

    int olm_session_last_error_code(Pointer session);

    long olm_clear_session(Pointer session);

    long olm_pickle_session_length(Pointer session);

    long olm_pickle_session(Pointer session, Pointer key, long keyLength, byte[] pickled, long pickledLength);

    long olm_unpickle_session(Pointer session, Pointer key, long keyLength, byte[] pickled, long pickledLength);

    long olm_create_outbound_session_random_length(Pointer session);

    long olm_create_outbound_session(Pointer session, Pointer account, byte[] theirIdentityKey,
            long theirIdentityKeyLength, byte[] theirOneTimeKey, long theirOneTimeKeyLength, Pointer random,
            long randomLength);

    long olm_create_inbound_session(Pointer session, Pointer account, byte[] message, long messageLength);

    long olm_create_inbound_session_from(Pointer session, Pointer account, byte[] theirIdentityKey,
            long theirIdentityKeyLength, byte[] message, long messageLength);

    long olm_session_id_length(Pointer session);

    long olm_session_id(Pointer session, byte[] id, long idLength);

    int olm_session_has_received_message(Pointer session);

    void olm_session_describe(Pointer session, byte[] buf, long bufLength);

    long olm_matches_inbound_session(Pointer session, byte[] message, long messageLength);

    long olm_matches_inbound_session_from(Pointer session, byte[] theirIdentityKey, long theirIdentityKeyLength,
            byte[] message, long messageLength);

    long olm_encrypt_message_type(Pointer session);

    long olm_encrypt_random_length(Pointer session);

    long olm_encrypt_message_length(Pointer session, long plaintextLength);

    long olm_encrypt(Pointer session, byte[] plaintext, long plaintextLength, Pointer random, long randomLength,
            byte[] message, long messageLength);

    long olm_decrypt_max_plaintext_length(Pointer session, long messageType, byte[] message, long messageLength);

    long olm_decrypt(Pointer session, long messageType, byte[] message, long messageLength, byte[] plaintext,
            long maxPlaintextLength);

    // Utility
    long olm_utility_size();

    Pointer olm_utility(Pointer memory);

    String olm_utility_last_error(Pointer utility);

    int olm_utility_last_error_code(Pointer utility);

    long olm_clear_utility(Pointer utility);

    long olm_sha256_length(Pointer utility);

    long olm_sha256(Pointer utility, byte[] input, long inputLength, byte[] output, long outputLength);

    long olm_ed25519_verify(Pointer utility, byte[] key, long keyLength, byte[] message, long messageLength,
            byte[] signature, long signatureLength);

    // Outbound group session
    long olm_outbound_group_session_size();

    Pointer olm_outbound_group_session(Pointer memory);

    String olm_outbound_group_session_last_error(Pointer session);

    int olm_outbound_group_session_last_error_code(Pointer session);

    long olm_clear_outbound_group_session(Pointer session);

    long olm_pickle_outbound_group_session_length(Pointer session);

    long olm_pickle_outbound_group_session(Pointer session, Pointer key, long keyLength, byte[] pickled,
            long pickledLength);

    long olm_unpickle_outbound_group_session(Pointer session, Pointer key, long keyLength, byte[] pickled,
            long pickledLength);

    long olm_init_outbound_group_session_random_length(Pointer session);

    long olm_init_outbound_group_session(Pointer session, Pointer random, long randomLength);

    long olm_group_encrypt_message_length(Pointer session, long plaintextLength);

    long olm_group_encrypt(Pointer session, byte[] plaintext, long plaintextLength, byte[] message,
            long messageLength);

    long olm_outbound_group_session_id_length(Pointer session);

    long olm_outbound_group_session_id(Pointer session, byte[] id, long idLength);

    int olm_outbound_group_session_message_index(Pointer session);

    long olm_outbound_group_session_key_length(Pointer session);

    long olm_outbound_group_session_key(Pointer session, byte[] key, long keyLength);

    // Inbound group session
    long olm_inbound_group_session_size();

    Pointer olm_inbound_group_session(Pointer memory);

    String olm_inbound_group_session_last_error(Pointer session);

    int olm_inbound_group_session_last_error_code(Pointer session);

    long olm_clear_inbound_group_session(Pointer session);

    long olm_pickle_inbound_group_session_length(Pointer session);

    long olm_pickle_inbound_group_session(Pointer session, Pointer key, long keyLength, byte[] pickled,
            long pickledLength);

    long olm_unpickle_inbound_group_session(Pointer session, Pointer key, long keyLength, byte[] pickled,
            long pickledLength);

    long olm_init_inbound_group_session(Pointer session, byte[] sessionKey, long sessionKeyLength);

    long olm_import_inbound_group_session(Pointer session, byte[] sessionKey, long sessionKeyLength);

    long olm_group_decrypt_max_plaintext_length(Pointer session, byte[] message, long messageLength);

    long olm_group_decrypt(Pointer session, byte[] message, long messageLength, byte[] plaintext,
            long maxPlaintextLength, int[] messageIndex);

    long olm_inbound_group_session_id_length(Pointer session);

    long olm_inbound_group_session_id(Pointer session, byte[] id, long idLength);

    int olm_inbound_group_session_first_known_index(Pointer session);

    int olm_inbound_group_session_is_verified(Pointer session);

    long olm_export_inbound_group_session_length(Pointer session);

    long olm_export_inbound_group_session(Pointer session, byte[] key, long keyLength, int messageIndex);

    // SAS
    long olm_sas_size();

    Pointer olm_sas(Pointer memory);

    String olm_sas_last_error(Pointer sas);

    int olm_sas_last_error_code(Pointer sas);

    long olm_clear_sas(Pointer sas);

    long olm_create_sas_random_length(Pointer sas);

    long olm_create_sas(Pointer sas, Pointer random, long randomLength);

    long olm_sas_pubkey_length(Pointer sas);

    long olm_sas_get_pubkey(Pointer sas, byte[] pubkey, long pubkeyLength);

    long olm_sas_set_their_key(Pointer sas, byte[] theirKey, long theirKeyLength);

    int olm_sas_is_their_key_set(Pointer sas);

    long olm_sas_generate_bytes(Pointer sas, byte[] info, long infoLength, byte[] output, long outputLength);

    long olm_sas_mac_length(Pointer sas);

    long olm_sas_calculate_mac(Pointer sas, byte[] input, long inputLength, byte[] info, long infoLength,
            byte[] mac, long macLength);

    long olm_sas_calculate_mac_fixed_base64(Pointer sas, byte[] input, long inputLength, byte[] info,
            long infoLength, byte[] mac, long macLength);

    long olm_sas_calculate_mac_long_kdf(Pointer sas, byte[] input, long inputLength, byte[] info, long infoLength,
            byte[] mac, long macLength);

    // PK encryption
    long olm_pk_encryption_size();

    Pointer olm_pk_encryption(Pointer memory);

    String olm_pk_encryption_last_error(Pointer encryption);

    int olm_pk_encryption_last_error_code(Pointer encryption);

    long olm_clear_pk_encryption(Pointer encryption);

    long olm_pk_encryption_set_recipient_key(Pointer encryption, byte[] publicKey, long publicKeyLength);

    long olm_pk_ciphertext_length(Pointer encryption, long plaintextLength);

    long olm_pk_mac_length(Pointer encryption);

    long olm_pk_key_length();

    long olm_pk_encrypt_random_length(Pointer encryption);

    long olm_pk_encrypt(Pointer encryption, byte[] plaintext, long plaintextLength, byte[] ciphertext,
            long ciphertextLength, byte[] mac, long macLength, byte[] ephemeralKey, long ephemeralKeySize,
            Pointer random, long randomLength);

    // PK decryption
    long olm_pk_decryption_size();

    Pointer olm_pk_decryption(Pointer memory);

    String olm_pk_decryption_last_error(Pointer decryption);

    int olm_pk_decryption_last_error_code(Pointer decryption);

    long olm_clear_pk_decryption(Pointer decryption);

    long olm_pk_private_key_length();

    long olm_pk_key_from_private(Pointer decryption, byte[] pubkey, long pubkeyLength, Pointer privkey,
            long privkeyLength);

    long olm_pickle_pk_decryption_length(Pointer decryption);

    long olm_pickle_pk_decryption(Pointer decryption, Pointer key, long keyLength, byte[] pickled,
            long pickledLength);

    long olm_unpickle_pk_decryption(Pointer decryption, Pointer key, long keyLength, byte[] pickled,
            long pickledLength, byte[] pubkey, long pubkeyLength);

    long olm_pk_max_plaintext_length(Pointer decryption, long ciphertextLength);

    long olm_pk_decrypt(Pointer decryption, byte[] ephemeralKey, long ephemeralKeyLength, byte[] mac,
            long macLength, byte[] ciphertext, long ciphertextLength, byte[] plaintext, long maxPlaintextLength);

    long olm_pk_get_private_key(Pointer decryption, Pointer privateKey, long privateKeyLength);

    // PK signing
    long olm_pk_signing_size();

    Pointer olm_pk_signing(Pointer memory);

    String olm_pk_signing_last_error(Pointer signing);

    int olm_pk_signing_last_error_code(Pointer signing);

    long olm_clear_pk_signing(Pointer signing);

    long olm_pk_signing_key_from_seed(Pointer signing, byte[] pubkey, long pubkeyLength, Pointer seed,
            long seedLength);

    long olm_pk_signing_seed_length();

    long olm_pk_signing_public_key_length();

    long olm_pk_signature_length();

    long olm_pk_sign(Pointer signing, byte[] message, long messageLength, byte[] signature, long signatureLength);
}
