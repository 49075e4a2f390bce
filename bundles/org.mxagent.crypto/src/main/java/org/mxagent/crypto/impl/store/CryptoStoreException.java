package org.mxagent.crypto.impl.store;

/** The crypto store cannot be read or written (disk, corruption, a store of another device). */
public final class CryptoStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public CryptoStoreException(String message) {
        super(message);
    }
}
