package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.CryptoHandle;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OlmSession;
import org.mxagent.crypto.spi.OutboundGroupSession;
import org.mxagent.crypto.spi.PkDecryption;
import org.mxagent.crypto.spi.PkEncryption;
import org.mxagent.crypto.spi.PkSigning;
import org.mxagent.crypto.spi.Sas;
import org.mxagent.crypto.spi.SasMac;
import org.mxagent.crypto.spi.Utility;

class LifecycleTest {
    private static final byte[] KEY = "pickle key".getBytes(UTF_8);

    private final CryptoProvider provider = new LibolmCryptoProvider();

    /** One handle and one use of it that must fail once it is closed. */
    private record Case<T extends CryptoHandle>(T handle, Consumer<T> use) {
        void closeTwiceThenUse() {
            assertFalse(handle.isClosed());
            use.accept(handle);
            handle.close();
            handle.close();
            assertTrue(handle.isClosed());
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> use.accept(handle));
            assertTrue(error.getMessage().contains("closed"), error.getMessage());
        }
    }

    @Test
    void everyHandleClosesTwiceAndRefusesUseAfterClose() throws OlmException {
        Account peer = provider.createAccount();
        peer.generateOneTimeKeys(1);
        String peerCurve = Json.member(peer.identityKeys(), "curve25519");
        String peerOtk = Json.curve25519Keys(peer.oneTimeKeys()).values().iterator().next();
        OutboundGroupSession megolm = provider.createOutboundGroupSession();
        PkDecryption pkKey = provider.createPkDecryption();
        Account account = provider.createAccount();
        List<Case<?>> cases = List.of(
                new Case<>(provider.createAccount(), Account::identityKeys),
                new Case<>(provider.createAccount(), a -> a.pickle(KEY)),
                new Case<>(provider.createOutboundSession(account, peerCurve, peerOtk),
                        s -> s.encrypt("x".getBytes(UTF_8))),
                new Case<>(provider.createOutboundGroupSession(), OutboundGroupSession::sessionKey),
                new Case<>(provider.createInboundGroupSession(megolm.sessionKey()), InboundGroupSession::firstKnownIndex),
                new Case<>(provider.createUtility(), u -> u.sha256(new byte[1])),
                new Case<>(provider.createSas(), Sas::publicKey),
                new Case<>(provider.createPkEncryption(pkKey.publicKey()), e -> e.encrypt(new byte[1])),
                new Case<>(provider.createPkDecryption(), PkDecryption::privateKey),
                new Case<>(provider.createPkSigning(provider.generatePkSigningSeed()), PkSigning::publicKey));
        cases.forEach(Case::closeTwiceThenUse);
        for (CryptoHandle handle : List.of(peer, megolm, pkKey, account)) {
            handle.close();
        }
    }

    @Test
    void checkedOperationsAlsoRefuseUseAfterClose() throws OlmException {
        OutboundGroupSession outbound = provider.createOutboundGroupSession();
        InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey());
        String ciphertext = outbound.encrypt("x".getBytes(UTF_8));
        inbound.close();
        assertThrows(IllegalStateException.class, () -> inbound.decrypt(ciphertext));
        outbound.close();
        assertThrows(IllegalStateException.class, () -> outbound.encrypt(new byte[1]));

        Sas sas = provider.createSas();
        String sasKey = sas.publicKey();
        sas.close();
        assertThrows(IllegalStateException.class, () -> sas.setTheirPublicKey(sasKey));
        assertThrows(IllegalStateException.class, () -> sas.calculateMac(SasMac.HKDF_HMAC_SHA256_V2, "a", "b"));
    }

    @Test
    void aClosedAccountOrSessionCannotBeUsedThroughAnotherObject() throws OlmException {
        try (Account alice = provider.createAccount(); Account bob = provider.createAccount()) {
            bob.generateOneTimeKeys(1);
            String bobCurve = Json.member(bob.identityKeys(), "curve25519");
            String bobOtk = Json.curve25519Keys(bob.oneTimeKeys()).values().iterator().next();
            OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOtk);
            OlmMessage first = aliceSession.encrypt("x".getBytes(UTF_8));
            OlmSession bobSession = provider.createInboundSession(bob, first.body());
            bobSession.close();
            assertThrows(IllegalStateException.class, () -> bob.removeOneTimeKeys(bobSession));
            aliceSession.close();

            Account closed = provider.createAccount();
            closed.close();
            assertThrows(IllegalStateException.class, () -> provider.createOutboundSession(closed, bobCurve, bobOtk));
            assertThrows(IllegalStateException.class, () -> provider.createInboundSession(closed, first.body()));
        }
    }

    @Test
    void handlesOfAnotherProviderAreRefused() {
        Account foreign = (Account) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Account.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> provider.createOutboundSession(foreign, "key", "otk"));
        assertTrue(error.getMessage().contains("cannot be passed to another"), error.getMessage());
    }

    @Test
    void providersShareOneLoadedLibrary() {
        CryptoProvider second = new LibolmCryptoProvider();
        assertEquals(provider.name(), second.name());
        try (Account account = second.createAccount()) {
            assertFalse(account.identityKeys().isEmpty());
        }
    }
}
