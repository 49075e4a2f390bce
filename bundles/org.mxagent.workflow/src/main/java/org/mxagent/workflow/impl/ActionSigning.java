package org.mxagent.workflow.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.TaskActionSigner;
import org.mxagent.protocol.api.sign.TaskAuthorization;

/**
 * Signs a task action with this runtime's {@link LocalSigner}, which never hands out its key: the signed object
 * {@code {task_id, action, authorization}} of {@link TaskActionSigner#signingBytes} is given to the signer as
 * content (its canonical form minus {@code signature} is exactly those bytes) and the signature is moved into
 * {@code action.authorization.signature}.
 */
public final class ActionSigning {
    private ActionSigning() {}

    public static ObjectNode authorize(LocalSigner signer, String taskId, ObjectNode bareAction,
            String requestingAgent, String targetAgent, Instant now, Duration ttl) throws CanonicalJsonException {
        TaskAuthorization terms = TaskAuthorization.issue(requestingAgent, targetAgent, now, ttl);
        ObjectNode action = bareAction.deepCopy();
        action.remove(TaskActionSigner.AUTHORIZATION);
        ObjectNode authorization = action.putObject(TaskActionSigner.AUTHORIZATION);
        authorization.put("requesting_agent", terms.requestingAgent());
        authorization.put("target_agent", terms.targetAgent());
        authorization.put("created_at", terms.createdAt());
        authorization.put("expires_at", terms.expiresAt());
        authorization.put("nonce", terms.nonce());
        ObjectNode bare = action.deepCopy();
        bare.remove(TaskActionSigner.AUTHORIZATION);
        ObjectNode signed = ProtocolJson.newObject();
        signed.put("task_id", taskId);
        signed.set("action", bare);
        signed.set(TaskActionSigner.AUTHORIZATION, authorization.deepCopy());
        ObjectNode withSignature = signer.sign(signed);
        authorization.set(EventSigner.SIGNATURE, withSignature.get(EventSigner.SIGNATURE));
        return action;
    }
}
