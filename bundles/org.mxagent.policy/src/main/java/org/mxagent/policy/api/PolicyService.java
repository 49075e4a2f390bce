package org.mxagent.policy.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The policy of this runtime, read from {@code policy.toml} in the config directory. An absent file means
 * deny-all; a malformed file never replaces a working policy (and at start leaves deny-all in force), so
 * callers that must refuse to start on a malformed policy check {@link #status()}.
 */
@ProviderType
public interface PolicyService extends PolicyCheck {
    /** The policy being enforced. */
    Policy policy();

    /** The outcome of the last load. */
    PolicyStatus status();

    /** Reads the file again; keeps the enforced policy if the file is malformed. Returns the new status. */
    PolicyStatus reload();
}
