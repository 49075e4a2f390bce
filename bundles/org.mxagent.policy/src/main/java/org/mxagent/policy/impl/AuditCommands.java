package org.mxagent.policy.impl;

import java.io.IOException;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.policy.api.AuditLog;
import org.mxagent.policy.api.AuditVerification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code audit:verify}. */
@Component(service = AuditCommands.class, property = {
    "osgi.command.scope=audit", "osgi.command.function=verify"})
public final class AuditCommands {
    private final AuditLog audit;

    @Activate
    public AuditCommands(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Descriptor("walk the audit log's hash chain and report the first line that was edited, inserted or removed")
    public String verify() throws IOException {
        AuditVerification result = audit.verify();
        if (result.isIntact()) {
            return "intact: " + result.records() + " record(s)";
        }
        return "BROKEN at line " + result.firstBrokenLine().getAsLong() + ": " + result.problem().orElse("")
                + " (" + result.records() + " record(s) before it are intact)";
    }
}
