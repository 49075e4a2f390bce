package org.mxagent.policy.impl;

import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** {@link PolicyService} over {@code policy.toml} in the config directory, read at activation and on reload. */
@Component(service = PolicyService.class)
public final class PolicyComponent implements PolicyService {
    static final String FILE_NAME = "policy.toml";

    private final PolicyHolder holder;
    private final Logger log;

    @Activate
    public PolicyComponent(@Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.holder = new PolicyHolder(directories.configDir().resolve(FILE_NAME),
                new SearchPathResolver(System.getenv("PATH")));
        report(holder.status());
    }

    @Override
    public Policy policy() {
        return holder.policy();
    }

    @Override
    public PolicyStatus status() {
        return holder.status();
    }

    @Override
    public PolicyStatus reload() {
        PolicyStatus status = holder.reload();
        report(status);
        return status;
    }

    @Override
    public Decision evaluateExec(ExecRequestFacts facts) {
        return holder.evaluateExec(facts);
    }

    @Override
    public Decision evaluateCall(CallRequestFacts facts) {
        return holder.evaluateCall(facts);
    }

    private void report(PolicyStatus status) {
        switch (status.state()) {
            case OK -> log.info("policy loaded from {}", status.file());
            case ABSENT -> log.warn("no policy at {}: every remote request is denied", status.file());
            case MALFORMED -> log.error("policy is malformed: {}", status.message().orElse(""));
        }
    }
}
