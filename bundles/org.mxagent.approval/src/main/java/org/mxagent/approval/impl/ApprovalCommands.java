package org.mxagent.approval.impl;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.approval.api.ApprovalException;
import org.mxagent.approval.api.Approvals;
import org.mxagent.approval.api.Hold;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code approval}. */
@Component(service = ApprovalCommands.class, property = {
    "osgi.command.scope=approval",
    "osgi.command.function=list", "osgi.command.function=show", "osgi.command.function=approve",
    "osgi.command.function=deny"})
public final class ApprovalCommands {
    private final Approvals approvals;

    @Activate
    public ApprovalCommands(@Reference Approvals approvals) {
        this.approvals = approvals;
    }

    @Descriptor("list held requests waiting for an approval decision")
    public String list() {
        List<Hold> holds = approvals.list();
        if (holds.isEmpty()) {
            return "no held requests";
        }
        return holds.stream().map(HoldText::line).collect(Collectors.joining("\n"));
    }

    @Descriptor("show one held request")
    public String show(@Descriptor("request id") String requestId) throws ApprovalException {
        Hold hold = approvals.show(requestId)
                .orElseThrow(() -> new ApprovalException("no held request " + requestId, true));
        return ProtocolJson.write(HoldText.json(hold));
    }

    @Descriptor("approve a held request as the local operator (signed with this runtime's key)")
    public String approve(@Descriptor("request id") String requestId) throws ApprovalException {
        return requestId + ": " + approvals.approve(requestId).name().toLowerCase();
    }

    @Descriptor("deny a held request as the local operator (signed with this runtime's key)")
    public String deny(@Descriptor("request id") String requestId) throws ApprovalException {
        return requestId + ": " + approvals.deny(requestId).name().toLowerCase();
    }
}
