package org.mxagent.crypto.impl.component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import org.mxagent.crypto.api.DeviceInfo;
import org.mxagent.crypto.api.VerificationInfo;

/** Text and JSON views of devices and verifications, shared by the Gogo commands and the IPC methods. */
final class VerificationText {
    private VerificationText() {}

    static String device(DeviceInfo d) {
        return d.userId() + " " + d.deviceId() + (d.own() ? " (this device)" : "") + "  ed25519 " + d.ed25519()
                + "  " + (d.verified() ? "verified" : "NOT verified");
    }

    static String verification(VerificationInfo v) {
        StringBuilder out = new StringBuilder();
        out.append("verification ").append(v.transactionId()).append(" with ").append(v.otherUserId()).append(' ')
                .append(v.otherDeviceId()).append(": ").append(v.state());
        v.macMethod().ifPresent(m -> out.append(" (mac ").append(m).append(')'));
        if (v.hasSas()) {
            out.append("\n  emoji:    ").append(v.emoji().stream().map(e -> e.emoji() + " " + e.description())
                    .collect(Collectors.joining(" | ")));
            out.append("\n  decimals: ").append(v.decimals().stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")));
        }
        v.cancelCode().ifPresent(c -> out.append("\n  cancelled").append(v.cancelledByUs() ? " by us" : " by them")
                .append(": ").append(c).append(' ').append(v.cancelReason().orElse("")));
        return out.toString();
    }

    static ObjectNode json(DeviceInfo d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("user_id", d.userId())
                .put("device_id", d.deviceId()).put("ed25519", d.ed25519()).put("curve25519", d.curve25519())
                .put("verified", d.verified()).put("own", d.own());
        d.verifiedAtMs().ifPresent(t -> node.put("verified_at_ms", t));
        return node;
    }

    static ObjectNode json(VerificationInfo v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("transaction_id", v.transactionId())
                .put("user_id", v.otherUserId()).put("device_id", v.otherDeviceId()).put("we_started", v.weStarted())
                .put("state", v.state().name());
        v.macMethod().ifPresent(m -> node.put("mac_method", m));
        if (v.hasSas()) {
            v.emoji().forEach(e -> node.withArray("emoji").addObject().put("number", e.number())
                    .put("emoji", e.emoji()).put("description", e.description()));
            v.decimals().forEach(d -> node.withArray("decimals").add(d));
        }
        v.cancelCode().ifPresent(c -> node.put("cancel_code", c).put("cancel_reason", v.cancelReason().orElse(""))
                .put("cancelled_by_us", v.cancelledByUs()));
        return node;
    }
}
