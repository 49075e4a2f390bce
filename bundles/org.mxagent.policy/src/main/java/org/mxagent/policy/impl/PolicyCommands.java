package org.mxagent.policy.impl;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.PolicyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code policy}. */
@Component(service = PolicyCommands.class, property = {
    "osgi.command.scope=policy",
    "osgi.command.function=status", "osgi.command.function=check", "osgi.command.function=reload"})
public final class PolicyCommands {
    private final PolicyService policy;

    @Activate
    public PolicyCommands(@Reference PolicyService policy) {
        this.policy = policy;
    }

    @Descriptor("show whether policy.toml is loaded (OK), absent (deny-all) or malformed, and what is enforced")
    public String status() {
        return DecisionText.status(policy.status(), policy.policy());
    }

    @Descriptor("read policy.toml again; a malformed file is reported and the enforced policy is kept")
    public String reload() {
        policy.reload();
        return status();
    }

    @Descriptor("dry-run an exec request from a Matrix user in a room and say whether policy allows it, and why")
    public String check(
            @Descriptor("comma-separated env override keys the request would carry")
            @Parameter(names = {"-e", "--env"}, absentValue = "") String envKeys,
            @Descriptor("requested timeout in milliseconds (0: none requested)")
            @Parameter(names = {"-t", "--timeout"}, absentValue = "0") long timeoutMs,
            @Descriptor("room id, !id:server") String room,
            @Descriptor("requester Matrix user id, @user:server") String user,
            @Descriptor("absolute working directory") String cwd,
            @Descriptor("the command and its arguments") String... argv) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("--timeout takes milliseconds >= 0");
        }
        Set<String> keys = Arrays.stream(envKeys.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .collect(Collectors.toSet());
        ExecRequestFacts facts = new ExecRequestFacts(room, user, Arrays.asList(argv), cwd, keys,
                timeoutMs == 0 ? OptionalLong.empty() : OptionalLong.of(timeoutMs));
        return DecisionText.decision(policy.evaluateExec(facts));
    }
}
