package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmSession;
import org.mxagent.crypto.spi.OutboundGroupSession;
import org.mxagent.crypto.spi.PkDecryption;
import org.mxagent.crypto.spi.PkEncryption;
import org.mxagent.crypto.spi.PkSigning;
import org.mxagent.crypto.spi.Sas;
import org.mxagent.crypto.spi.Utility;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The libolm provider: Debian's libolm3 (3.2.x) through JNA. Activation loads the library; when it is missing
 * the component fails to activate with a message saying which package to install, and no service appears.
 */
// Immediate: a missing libolm shows at start-up, not at the first encrypted room; loading it also activates
// the lazily started JNA bundle.
@Component(service = CryptoProvider.class, immediate = true, property = CryptoProvider.PROVIDER + "=libolm")
public final class LibolmCryptoProvider implements CryptoProvider {
    private final Libolm olm;

    /** Loads libolm (once per class loader); {@link IllegalStateException} if it is missing or too old. */
    @Activate
    public LibolmCryptoProvider() {
        this.olm = Libolm.load();
    }

    @Override
    public String name() {
        return "libolm " + olm.version();
    }

    @Override
    public Account createAccount() {
        return LibolmAccount.create(olm);
    }

    @Override
    public Account unpickleAccount(String pickle, byte[] pickleKey) throws OlmException {
        return LibolmAccount.unpickle(olm, pickle, pickleKey);
    }

    @Override
    public OlmSession createOutboundSession(Account account, String theirIdentityKey, String theirOneTimeKey)
            throws OlmException {
        return LibolmSession.outbound(olm, account, theirIdentityKey, theirOneTimeKey);
    }

    @Override
    public OlmSession createInboundSession(Account account, String preKeyMessage) throws OlmException {
        return LibolmSession.inbound(olm, account, null, preKeyMessage);
    }

    @Override
    public OlmSession createInboundSessionFrom(Account account, String theirIdentityKey, String preKeyMessage)
            throws OlmException {
        if (theirIdentityKey == null) {
            throw new NullPointerException("theirIdentityKey");
        }
        return LibolmSession.inbound(olm, account, theirIdentityKey, preKeyMessage);
    }

    @Override
    public OlmSession unpickleSession(String pickle, byte[] pickleKey) throws OlmException {
        return LibolmSession.unpickle(olm, pickle, pickleKey);
    }

    @Override
    public OutboundGroupSession createOutboundGroupSession() {
        return LibolmOutboundGroupSession.create(olm);
    }

    @Override
    public OutboundGroupSession unpickleOutboundGroupSession(String pickle, byte[] pickleKey) throws OlmException {
        return LibolmOutboundGroupSession.unpickle(olm, pickle, pickleKey);
    }

    @Override
    public InboundGroupSession createInboundGroupSession(String sessionKey) throws OlmException {
        return LibolmInboundGroupSession.create(olm, sessionKey, false);
    }

    @Override
    public InboundGroupSession importInboundGroupSession(String exportedSessionKey) throws OlmException {
        return LibolmInboundGroupSession.create(olm, exportedSessionKey, true);
    }

    @Override
    public InboundGroupSession unpickleInboundGroupSession(String pickle, byte[] pickleKey) throws OlmException {
        return LibolmInboundGroupSession.unpickle(olm, pickle, pickleKey);
    }

    @Override
    public Utility createUtility() {
        return new LibolmUtility(olm);
    }

    @Override
    public Sas createSas() {
        return LibolmSas.create(olm);
    }

    @Override
    public PkEncryption createPkEncryption(String recipientPublicKey) throws OlmException {
        return LibolmPkEncryption.create(olm, recipientPublicKey);
    }

    @Override
    public PkDecryption createPkDecryption() {
        return LibolmPkDecryption.generate(olm);
    }

    @Override
    public PkDecryption createPkDecryption(byte[] privateKey) throws OlmException {
        return LibolmPkDecryption.fromPrivateKey(olm, privateKey);
    }

    @Override
    public PkDecryption unpicklePkDecryption(String pickle, byte[] pickleKey) throws OlmException {
        return LibolmPkDecryption.unpickle(olm, pickle, pickleKey);
    }

    @Override
    public byte[] generatePkSigningSeed() {
        byte[] seed = new byte[LibolmPkSigning.seedLength(olm)];
        olm.random().nextBytes(seed);
        return seed;
    }

    @Override
    public PkSigning createPkSigning(byte[] seed) throws OlmException {
        return LibolmPkSigning.fromSeed(olm, seed);
    }

    @Override
    public String toString() {
        return "CryptoProvider[" + name() + "]";
    }
}
