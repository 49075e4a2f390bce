package org.mxagent.policy.impl;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code trust}: the local trust store. */
@Component(service = TrustCommands.class, property = {
    "osgi.command.scope=trust",
    "osgi.command.function=list", "osgi.command.function=approve", "osgi.command.function=revoke"})
public final class TrustCommands {
    private final TrustStore trust;

    @Activate
    public TrustCommands(@Reference TrustStore trust) {
        this.trust = trust;
    }

    @Descriptor("list trust entries: key, agent, status, room grant or local, who trusted it, when")
    public String list() {
        List<TrustEntry> entries = trust.list();
        if (entries.isEmpty()) {
            return "no trusted keys: every remote request is rejected as untrusted_key";
        }
        StringBuilder out = new StringBuilder();
        for (TrustEntry entry : entries) {
            out.append(line(entry)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("trust an agent's signing key (local record: outranks room grants)")
    public String approve(@Descriptor("agent id, agt_…") String agentId,
            @Descriptor("signing key id, mxagent-ed25519:…") String keyId) throws IOException {
        return "trusted: " + line(trust.approve(agentId, keyId, "local:" + System.getProperty("user.name")));
    }

    @Descriptor("revoke every entry of a signing key; no room grant can re-enable it")
    public String revoke(@Descriptor("signing key id, mxagent-ed25519:…") String keyId) throws IOException {
        StringBuilder out = new StringBuilder("revoked:");
        for (TrustEntry entry : trust.revoke(keyId)) {
            out.append("\n").append(line(entry));
        }
        return out.toString();
    }

    private static String line(TrustEntry entry) {
        return entry.keyId() + "  " + entry.agentId() + "  " + entry.status().wire() + "  "
                + entry.room().map(room -> "room " + room).orElse("local") + "  by " + entry.trustedBy()
                + "  since " + Instant.ofEpochSecond(entry.createdAt())
                + (entry.revokedAt().isPresent() ? "  revoked " + Instant.ofEpochSecond(entry.revokedAt().getAsLong())
                        : "");
    }
}
