package org.mxagent.discovery.impl.liveness;

import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.PublicKeys;
import org.mxagent.transport.api.RoomEvent;

/**
 * Which {@code agent.v1} and heartbeat events count. An {@code agent.v1} counts only if its state key is its
 * {@code agent_id}, its published public key hashes to its {@code signing_key_id}, and it was written by the
 * Matrix account it names ({@code matrix_user_id}), so nobody can publish an agent for someone else's account.
 */
public final class Acceptance {
    private Acceptance() {}

    /** The outcome: a value, or the reason it was refused. */
    public record Result<T>(T value, String reason) {
        static <T> Result<T> accepted(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> refused(String reason) {
            return new Result<>(null, reason);
        }

        public boolean isAccepted() {
            return value != null;
        }
    }

    public static Result<AgentState> agentState(RoomEvent event) {
        AgentState state;
        try {
            state = ProtocolCodec.decode(AgentState.class, event.content());
        } catch (MalformedEventException | IllegalArgumentException e) {
            return Result.refused("malformed agent.v1: " + e.getMessage());
        }
        if (!state.agentId().equals(event.stateKey())) {
            return Result.refused("agent.v1 state key " + event.stateKey() + " is not its agent_id " + state.agentId());
        }
        if (!PublicKeys.matchesKeyId(state.signingPublicKey(), state.signingKeyId())) {
            return Result.refused("agent.v1 of " + state.agentId() + ": signing_public_key does not hash to "
                    + state.signingKeyId());
        }
        if (!state.matrixUserId().equals(event.sender())) {
            return Result.refused("agent.v1 of " + state.agentId() + " names " + state.matrixUserId()
                    + " but was written by " + event.sender());
        }
        return Result.accepted(state);
    }

    public static Result<Heartbeat> heartbeat(RoomEvent event) {
        try {
            return Result.accepted(ProtocolCodec.decode(Heartbeat.class, event.content()));
        } catch (MalformedEventException | IllegalArgumentException e) {
            return Result.refused("malformed heartbeat: " + e.getMessage());
        }
    }
}
