package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code trust.fingerprint {}} → {@code {key_id, fingerprint, public_key}}: this runtime's own signing key (every
 * agent it hosts signs with it), for the operator to read to a peer who then approves it.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.fingerprint")
public final class TrustFingerprintMethod implements IpcMethod {
    private final LocalSigner signer;

    @Activate
    public TrustFingerprintMethod(@Reference LocalSigner signer) {
        this.signer = signer;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        return ProtocolJson.newObject().put("key_id", signer.keyId()).put("fingerprint", signer.fingerprint())
                .put("public_key", signer.publicKeyBase64());
    }
}
