package org.mxagent.approval.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Approvals.Outcome;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SecretRedactor;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.ApprovalOutcome;
import org.mxagent.protocol.api.event.ApprovalRequest;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.RejectReason;

/**
 * Holds, decisions, quorum, expiry and the exactly-once release, without OSGi (the component wires it).
 *
 * <p>Exactly once: a hold is removed from {@code approvals.json} (atomically, under the lock) before the
 * consumer's {@link ApprovalRelease#release} is called, and it is remembered as finished until it would have
 * expired; whoever removes it is the only one who calls the consumer. A crash between the removal and the
 * consumer running loses the run (at most once), never doubles it.
 */
final class ApprovalEngine {
    /** Where the engine reports what it ignored or could not do. */
    interface Log {
        void info(String message);

        void warn(String message, Throwable cause);
    }

    /** Sends a timeline event to a room (the Matrix client, when logged in). */
    @FunctionalInterface
    interface RoomPoster {
        void post(String roomId, String type, ObjectNode content) throws Exception;
    }

    /**
     * @param ttl        how long a hold waits ({@code approval.request.expires_at}); 1 h by default
     * @param quorum     approvals needed by default (N of M)
     * @param roomQuorum approvals needed in particular rooms
     */
    record Settings(Duration ttl, int quorum, Map<String, Integer> roomQuorum) {
        Settings {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
            if (quorum < 1 || roomQuorum.values().stream().anyMatch(q -> q < 1)) {
                throw new IllegalArgumentException("a quorum is at least 1");
            }
            roomQuorum = Map.copyOf(roomQuorum);
        }

        int quorum(String roomId) {
            return roomQuorum.getOrDefault(roomId, quorum);
        }
    }

    /** What became of a decision event: an outcome, or why it was ignored. */
    record DecisionResult(Optional<Outcome> outcome, String rule, String detail) {
        static DecisionResult ignored(String rule, String detail) {
            return new DecisionResult(Optional.empty(), rule, detail);
        }

        static DecisionResult of(Outcome outcome, String detail) {
            return new DecisionResult(Optional.of(outcome), outcome.name().toLowerCase(), detail);
        }
    }

    static final String RELEASED = "released";
    static final String DENIED = "denied";
    static final String EXPIRED = "expired";
    static final String WITHDRAWN = "withdrawn";

    private final HoldFile file;
    private final Clock clock;
    private final Settings settings;
    private final DecisionCheck decisions;
    private final Function<String, List<String>> approvers;
    private final Supplier<Optional<String>> ownUser;
    private final RoomPoster poster;
    private final Log log;
    private final Map<String, ApprovalRelease> consumers = new ConcurrentHashMap<>();

    // guarded by this
    private final Map<String, Hold> holds;
    private final Map<String, HoldFile.Finished> finished;

    ApprovalEngine(HoldFile file, Clock clock, Settings settings, DecisionCheck decisions,
            Function<String, List<String>> approvers, Supplier<Optional<String>> ownUser, RoomPoster poster, Log log)
            throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.approvers = Objects.requireNonNull(approvers, "approvers");
        this.ownUser = Objects.requireNonNull(ownUser, "ownUser");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.log = Objects.requireNonNull(log, "log");
        HoldFile.Contents contents = file.read();
        this.holds = new LinkedHashMap<>(contents.holds());
        this.finished = new LinkedHashMap<>(contents.finished());
    }

    // ---- consumers

    void addConsumer(String id, ApprovalRelease consumer) {
        consumers.put(id, consumer);
    }

    void removeConsumer(String id, ApprovalRelease consumer) {
        consumers.remove(id, consumer);
    }

    // ---- the gate

    ApprovalVerdict check(PrivilegedRequest request, Allowance allowance, Optional<HoldOrigin> origin) {
        Objects.requireNonNull(allowance, "allowance");
        String requestId = origin.map(HoldOrigin::requestId).orElseGet(() -> defaultRequestId(request));
        Hold hold;
        synchronized (this) {
            Optional<HoldFile.Finished> done = finishedFor(requestId, request.nonce());
            if (done.isPresent()) {
                // never hold (and so never release) a request twice
                return EXPIRED.equals(done.get().outcome()) ? ApprovalVerdict.EXPIRED : ApprovalVerdict.DENIED;
            }
            if (holds.containsKey(requestId) || holdByNonce(request.nonce()).isPresent()) {
                return ApprovalVerdict.HELD;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            hold = new Hold(requestId, origin.map(HoldOrigin::consumer).orElse(request.payload().kind().wire()),
                    summary(request), now, now.plus(settings.ttl()), List.of(), request, origin);
            holds.put(requestId, hold);
            try {
                persist();
            } catch (IOException e) {
                holds.remove(requestId);
                throw new UncheckedIOException("cannot record the hold in " + file.path(), e);
            }
        }
        postRequest(hold);
        return ApprovalVerdict.HELD;
    }

    void withdraw(PrivilegedRequest request) {
        synchronized (this) {
            Optional<Hold> hold = holdByNonce(request.nonce());
            if (hold.isEmpty()) {
                return;
            }
            holds.remove(hold.get().requestId());
            finish(hold.get(), WITHDRAWN);
            try {
                persist();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot withdraw the hold in " + file.path(), e);
            }
        }
        log.info("approval hold " + request.nonce() + " withdrawn");
    }

    private void postRequest(Hold hold) {
        PrivilegedRequest r = hold.request();
        ApprovalRequest event = new ApprovalRequest(hold.requestId(), r.invocationId().orElse(null),
                r.requestingAgent(), r.targetAgent(), hold.summary(), "medium", Timestamps.seconds(hold.expiresAt()),
                Map.of());
        try {
            poster.post(hold.roomId(), EventTypes.APPROVAL_REQUEST, ProtocolCodec.encode(event));
        } catch (Exception e) {
            // the hold stands (the local operator can still decide); approvers in the room were not told
            log.warn("approval.request for " + hold.requestId() + " could not be posted to " + hold.roomId(), e);
        }
    }

    // ---- decisions

    /** A decision event from the room (or from the local operator, with this daemon's user as sender). */
    DecisionResult onDecision(String roomId, String sender, ObjectNode content) throws IOException {
        Optional<ApprovalDecision> parsed = DecisionCheck.parse(content);
        if (parsed.isEmpty()) {
            return ignored(roomId, sender, "malformed", "not an approval.decision");
        }
        String requestId = parsed.get().requestId();
        Hold hold;
        synchronized (this) {
            hold = holds.get(requestId);
        }
        if (hold == null) {
            return ignored(roomId, sender, "no_hold", "no live hold " + requestId + " here");
        }
        if (!hold.roomId().equals(roomId)) {
            return ignored(roomId, sender, "wrong_room", requestId + " is held for room " + hold.roomId());
        }
        Instant now = clock.instant();
        DecisionCheck.Result result = decisions.check(roomId, sender, content, ownUser.get(),
                approvers.apply(roomId), now);
        if (!result.accepted()) {
            return ignored(roomId, sender, result.rule(), result.detail());
        }
        ApprovalOutcome outcome = result.decision().orElseThrow().decision();
        Hold candidate = null;
        synchronized (this) {
            Hold live = holds.get(requestId);
            if (live == null) {
                return ignored(roomId, sender, "no_hold", requestId + " was finished meanwhile");
            }
            if (!now.isBefore(live.expiresAt())) {
                return ignored(roomId, sender, "hold_expired", requestId + " expired at " + live.expiresAt());
            }
            if (outcome == ApprovalOutcome.DENIED) {
                holds.remove(requestId);
                finish(live, DENIED);
                persistOrRestore(live);
                hold = live;
            } else {
                Set<String> votes = new LinkedHashSet<>(live.approvals());
                votes.add(sender);
                Hold counted = live.withApprovals(new ArrayList<>(votes));
                holds.put(requestId, counted);
                try {
                    persist();
                } catch (IOException e) {
                    holds.put(requestId, live);
                    throw e;
                }
                if (votes.size() >= settings.quorum(roomId)) {
                    candidate = counted;
                }
                hold = counted;
            }
        }
        if (outcome == ApprovalOutcome.DENIED) {
            log.info("approval " + requestId + " denied by " + sender);
            notifyDenied(hold, RejectReason.APPROVAL_DENIED.wire(), "denied by " + sender);
            return DecisionResult.of(Outcome.DENIED, "denied by " + sender);
        }
        if (candidate == null) {
            return DecisionResult.of(Outcome.PENDING, hold.approvals().size() + " of "
                    + settings.quorum(roomId) + " approvals");
        }
        return release(candidate);
    }

    private DecisionResult ignored(String roomId, String sender, String rule, String detail) {
        log.info("ignored approval.decision from " + sender + " in " + roomId + ": " + rule + " (" + detail + ")");
        return DecisionResult.ignored(rule, detail);
    }

    /** Re-authorizes and releases (or denies) a hold whose quorum is met; the one remover calls the consumer. */
    private DecisionResult release(Hold hold) throws IOException {
        ApprovalRelease consumer = consumers.get(hold.consumer());
        if (consumer == null) {
            log.info("approval " + hold.requestId() + " granted; waiting for consumer " + hold.consumer());
            return DecisionResult.of(Outcome.PENDING, "granted; waiting for consumer " + hold.consumer());
        }
        PipelineDecision again;
        try {
            again = consumer.reauthorize(hold);
        } catch (Exception e) {
            log.warn("re-authorization of " + hold.requestId() + " failed; the hold stays", e);
            return DecisionResult.of(Outcome.PENDING, "re-authorization failed: " + e.getMessage());
        }
        boolean run = again.outcome() == PipelineDecision.Outcome.ALLOWED;
        synchronized (this) {
            Hold live = holds.remove(hold.requestId());
            if (live == null) {
                return DecisionResult.ignored("no_hold", hold.requestId() + " was finished meanwhile");
            }
            finish(live, run ? RELEASED : DENIED);
            persistOrRestore(live);
        }
        if (run) {
            log.info("approval " + hold.requestId() + " released to " + hold.consumer());
            consumer.release(hold, again.allowance().orElseThrow());
            return DecisionResult.of(Outcome.RELEASED, "released");
        }
        String reason = again.reason().map(RejectReason::wire).orElse(RejectReason.APPROVAL_DENIED.wire());
        log.info("approval " + hold.requestId() + " granted but re-authorization denied it: " + again.rule());
        consumer.deny(hold, reason, "re-authorization: " + again.rule() + " " + again.detail());
        return DecisionResult.of(Outcome.DENIED, "re-authorization: " + again.rule());
    }

    private void notifyDenied(Hold hold, String reason, String detail) {
        ApprovalRelease consumer = consumers.get(hold.consumer());
        if (consumer == null) {
            log.info("hold " + hold.requestId() + " ended (" + reason + ") while consumer " + hold.consumer()
                    + " is absent; the requester is not answered");
            return;
        }
        consumer.deny(hold, reason, detail);
    }

    // ---- expiry and pending releases

    /** Denies expired holds ({@code approval_expired}) and releases granted ones whose consumer has come. */
    void sweep() throws IOException {
        Instant now = clock.instant();
        List<Hold> expired = new ArrayList<>();
        List<Hold> granted = new ArrayList<>();
        synchronized (this) {
            for (Hold hold : List.copyOf(holds.values())) {
                if (!now.isBefore(hold.expiresAt())) {
                    holds.remove(hold.requestId());
                    finish(hold, EXPIRED);
                    expired.add(hold);
                } else if (hold.approvals().size() >= settings.quorum(hold.roomId())
                        && consumers.containsKey(hold.consumer())) {
                    granted.add(hold);
                }
            }
            finished.values().removeIf(f -> now.isAfter(f.until()));
            if (!expired.isEmpty()) {
                try {
                    persist();
                } catch (IOException e) {
                    expired.forEach(h -> {
                        holds.put(h.requestId(), h);
                        finished.remove(h.requestId());
                    });
                    throw e;
                }
            }
        }
        for (Hold hold : expired) {
            log.info("approval " + hold.requestId() + " expired at " + hold.expiresAt());
            notifyDenied(hold, RejectReason.APPROVAL_EXPIRED.wire(), "no approval before " + hold.expiresAt());
        }
        for (Hold hold : granted) {
            release(hold);
        }
    }

    // ---- views

    synchronized List<Hold> list() {
        return holds.values().stream().sorted(Comparator.comparing(Hold::createdAt)).toList();
    }

    synchronized Optional<Hold> show(String requestId) {
        return Optional.ofNullable(holds.get(requestId));
    }

    int quorum(String roomId) {
        return settings.quorum(roomId);
    }

    // ---- helpers

    private void finish(Hold hold, String outcome) {
        Instant until = hold.expiresAt().isAfter(clock.instant()) ? hold.expiresAt() : clock.instant();
        finished.put(hold.requestId(), new HoldFile.Finished(hold.requestId(), hold.request().nonce(), outcome,
                until.plus(settings.ttl())));
    }

    private void persistOrRestore(Hold live) throws IOException {
        try {
            persist();
        } catch (IOException e) {
            holds.put(live.requestId(), live);
            finished.remove(live.requestId());
            throw e;
        }
    }

    private Optional<HoldFile.Finished> finishedFor(String requestId, String nonce) {
        HoldFile.Finished byId = finished.get(requestId);
        if (byId != null) {
            return Optional.of(byId);
        }
        return finished.values().stream().filter(f -> f.nonce().equals(nonce)).findFirst();
    }

    private Optional<Hold> holdByNonce(String nonce) {
        return holds.values().stream().filter(h -> h.request().nonce().equals(nonce)).findFirst();
    }

    private void persist() throws IOException {
        file.write(holds.values(), finished.values());
    }

    static String defaultRequestId(PrivilegedRequest request) {
        return "approval:" + request.invocationId().orElse(request.nonce());
    }

    static String summary(PrivilegedRequest request) {
        if (request.payload() instanceof RequestPayload.Exec exec) {
            return "exec " + String.join(" ", SecretRedactor.redactArgv(exec.argv())) + " in " + exec.cwd()
                    + " for " + request.requestingAgent() + " (" + request.sender() + ")";
        }
        return "call " + ((RequestPayload.Call) request.payload()).tool() + " for " + request.requestingAgent()
                + " (" + request.sender() + ")";
    }
}
