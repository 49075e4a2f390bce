package org.mxagent.sandbox.api;

import org.mxagent.policy.api.SandboxKind;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One isolation backend. Registered as a service with the property {@value #KIND_PROPERTY} set to
 * {@link SandboxKind#wire()} ({@code none}, {@code bubblewrap}, …); the launcher picks the one the
 * {@link org.mxagent.policy.api.Allowance} names and never falls back to another.
 */
@ConsumerType
public interface Sandbox {
    /** Service property holding the backend's {@link SandboxKind#wire()} spelling. */
    String KIND_PROPERTY = "sandbox";

    SandboxKind kind();

    /** Whether {@link #wrap} can work on this machine now, and if not, why (missing binary, …). */
    Availability availability();

    /**
     * The command line, environment and working directory that run {@code spec} inside this sandbox. Fails
     * closed: anything the allowance asks for that this backend cannot enforce is a {@link SandboxException},
     * never a silent downgrade.
     */
    WrappedCommand wrap(LaunchSpec spec) throws SandboxException;
}
