package org.mxagent.policy.api;

import org.osgi.annotation.versioning.ProviderType;

/** Evaluates requests against the policy in force. Pure: no I/O beyond resolving argv[0] through PATH. */
@ProviderType
public interface PolicyCheck {
    Decision evaluateExec(ExecRequestFacts facts);

    Decision evaluateCall(CallRequestFacts facts);
}
