package org.mxagent.policy.impl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SignatureCheck;

/** A genuine exec request from alice's agent to ours, which each test then spoils in one way. */
final class RequestBuilder {
    static final String THIS_AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1TG";
    static final String ROOM = "!ops:x";
    static final String ALICE = "@alice:x";

    String roomId = ROOM;
    String sender = ALICE;
    Optional<String> senderDevice = Optional.of("ALICEDEVICE");
    String requestingAgent = FileTrustStoreTest.AGENT;
    String targetAgent = THIS_AGENT;
    String keyId = FileTrustStoreTest.KEY;
    SignatureCheck signature = SignatureCheck.VALID;
    String publishedMatrixUserId = ALICE;
    String nonce;
    Instant createdAt;
    Instant expiresAt;
    RequestPayload payload = new RequestPayload.Exec(List.of("ls", "-la"), "/work", Set.of(), OptionalLong.empty());

    RequestBuilder(String nonce, Instant now) {
        this.nonce = nonce;
        this.createdAt = now;
        this.expiresAt = now.plusSeconds(300);
    }

    RequestBuilder signature(SignatureCheck value) {
        signature = value;
        return this;
    }

    RequestBuilder target(String value) {
        targetAgent = value;
        return this;
    }

    RequestBuilder key(String value) {
        keyId = value;
        return this;
    }

    RequestBuilder sender(String value) {
        sender = value;
        return this;
    }

    RequestBuilder published(String value) {
        publishedMatrixUserId = value;
        return this;
    }

    RequestBuilder room(String value) {
        roomId = value;
        return this;
    }

    RequestBuilder expires(Instant value) {
        expiresAt = value;
        return this;
    }

    RequestBuilder created(Instant value) {
        createdAt = value;
        return this;
    }

    RequestBuilder exec(String cwd, Set<String> env, String... argv) {
        payload = new RequestPayload.Exec(List.of(argv), cwd, env, OptionalLong.empty());
        return this;
    }

    RequestBuilder call(String tool) {
        payload = new RequestPayload.Call(tool, OptionalLong.empty());
        return this;
    }

    PrivilegedRequest build() {
        return new PrivilegedRequest(roomId, sender, senderDevice, requestingAgent, targetAgent, keyId, signature,
                publishedMatrixUserId, nonce, createdAt.toString(), expiresAt.toString(), Optional.of("inv_" + nonce),
                payload);
    }
}
