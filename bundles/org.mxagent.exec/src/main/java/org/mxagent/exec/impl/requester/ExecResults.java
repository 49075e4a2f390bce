package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ExecFinished;
import org.mxagent.terminal.api.stream.ReassemblyReport;

/** The final result of an exec session, as the CLI receives it (specs/exec.md). */
final class ExecResults {
    private ExecResults() {}

    static ObjectNode base(String invocationId, String outcome, int exitCode) {
        ObjectNode result = ProtocolJson.newObject();
        result.put("done", true);
        result.put("invocation_id", invocationId);
        result.put("outcome", outcome);
        result.put("exit_code", exitCode);
        return result;
    }

    /** @param missingStreams streams that never showed up (not even their EOF marker) */
    static ObjectNode finished(String invocationId, ExecFinished finished, ReassemblyReport report,
            List<ArtifactTail.Report> artifacts, boolean strict, int missingStreams) {
        boolean artifactProblem = artifacts.stream().anyMatch(a -> !a.ok());
        boolean integrityFailed = report.failed() || strict && (artifactProblem || missingStreams > 0);
        int exit = integrityFailed ? ExitCodes.INTEGRITY : ExitCodes.forExit(finished.exitCode(), finished.signal());
        String outcome = integrityFailed ? "integrity" : finished.exitCode() != null ? "exited" : "signalled";
        ObjectNode result = base(invocationId, outcome, exit);
        if (finished.exitCode() != null) {
            result.put("remote_exit_code", finished.exitCode());
        } else {
            result.putNull("remote_exit_code");
        }
        if (finished.signal() != null) {
            result.put("signal", finished.signal());
        } else {
            result.putNull("signal");
        }
        result.put("truncated", finished.truncated());
        result.put("duration_ms", finished.durationMs());
        result.put("stdout_bytes", finished.stdoutBytes());
        result.put("stderr_bytes", finished.stderrBytes());
        if (finished.artifactMxc() != null) {
            result.put("artifact_mxc", finished.artifactMxc());
        }
        result.set("integrity", integrity(report, artifactProblem, missingStreams));
        ArrayNode list = result.putArray("artifacts");
        for (ArtifactTail.Report artifact : artifacts) {
            ObjectNode entry = list.addObject();
            entry.put("stream", artifact.stream().wire());
            entry.put("raw_bytes", artifact.rawBytes());
            entry.put("shown_bytes", artifact.emittedBytes());
            entry.put("verified", artifact.ok());
            artifact.problem().ifPresent(problem -> entry.put("problem", problem));
        }
        return result;
    }

    static ObjectNode integrity(ReassemblyReport report, boolean artifactProblem, int missingStreams) {
        ObjectNode node = ProtocolJson.newObject();
        node.put("delivered_chunks", report.deliveredChunks());
        node.put("delivered_bytes", report.deliveredBytes());
        node.put("duplicates", report.duplicates());
        node.put("lost_chunks", report.lostChunks());
        node.put("integrity_failures", report.integrityFailures());
        node.put("missing_streams", missingStreams);
        node.put("artifact_problem", artifactProblem);
        node.put("degraded", report.degraded() || artifactProblem || missingStreams > 0);
        node.put("strict_failed", report.failed());
        return node;
    }

    static ObjectNode rejected(String invocationId, String reason) {
        ObjectNode result = base(invocationId, "rejected", ExitCodes.forRejection(reason));
        result.put("rejected_reason", reason);
        result.put("message", "the target rejected the request: " + reason);
        return result;
    }
}
