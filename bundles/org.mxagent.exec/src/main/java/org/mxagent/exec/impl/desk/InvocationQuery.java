package org.mxagent.exec.impl.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * {@code invocation.v1} state of a room, counted only when the state event was written by the Matrix account of
 * the agent it names as {@code target} (anyone with power level 50 may write the state; only the target's own
 * account is believed). Display only: never an authorization.
 */
final class InvocationQuery {
    private final ClientRef client;
    private final Agents agents;
    private final Logger log;

    InvocationQuery(ClientRef client, Agents agents, Logger log) {
        this.client = client;
        this.agents = agents;
        this.log = log;
    }

    /** The room's invocations, newest first. */
    List<InvocationRecord> list(String roomId) throws MatrixException, DiscoveryException {
        List<InvocationRecord> records = new ArrayList<>();
        for (RoomEvent event : client.require().roomState(roomId)) {
            if (!EventTypes.INVOCATION.equals(event.type()) || event.content().isEmpty()) {
                continue;
            }
            InvocationState state;
            try {
                state = ProtocolCodec.decode(InvocationState.class, event.content());
            } catch (MalformedEventException e) {
                log.debug("skipped a malformed invocation.v1 in {}: {}", roomId, e.getMessage());
                continue;
            }
            Optional<AgentView> target = agents.inRoom(roomId, state.target());
            if (target.isPresent() && target.get().state().matrixUserId().equals(event.sender())) {
                records.add(new InvocationRecord(roomId, state, event.sender()));
            } else {
                log.debug("skipped invocation.v1 {} in {}: written by {}, not by its target's account",
                        state.invocationId(), roomId, event.sender());
            }
        }
        records.sort(Comparator.comparing((InvocationRecord r) -> r.state().createdAt()).reversed()
                .thenComparing(r -> r.state().invocationId(), Comparator.reverseOrder()));
        return records;
    }

    /** The invocation in the first of {@code roomIds} that has it. */
    Optional<InvocationRecord> find(String invocationId, List<String> roomIds) throws MatrixException,
            DiscoveryException {
        for (String roomId : roomIds) {
            for (InvocationRecord record : list(roomId)) {
                if (record.state().invocationId().equals(invocationId)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }
}
