package org.mxagent.protocol.api;

/**
 * A JSON value has no canonical form: a non-integer number, a string with an unpaired surrogate, or a node type
 * that is not plain JSON. Such a value can be neither signed nor verified.
 */
public final class CanonicalJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    public CanonicalJsonException(String path, String problem) {
        super(problem + " at " + path);
        this.path = path;
    }

    /** Where the offending value is, e.g. {@code $.args.ratio} or {@code $.command[2]}. */
    public String path() {
        return path;
    }
}
