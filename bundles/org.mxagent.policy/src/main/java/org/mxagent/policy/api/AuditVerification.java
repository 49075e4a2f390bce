package org.mxagent.policy.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of walking the audit log's hash chain.
 *
 * @param records          lines checked and found intact before the first broken one
 * @param firstBrokenLine  1-based line number of the first line that does not fit the chain
 */
public record AuditVerification(long records, OptionalLong firstBrokenLine, Optional<String> problem) {

    public AuditVerification {
        Objects.requireNonNull(firstBrokenLine, "firstBrokenLine");
        Objects.requireNonNull(problem, "problem");
    }

    public static AuditVerification intact(long records) {
        return new AuditVerification(records, OptionalLong.empty(), Optional.empty());
    }

    public static AuditVerification broken(long records, long line, String problem) {
        return new AuditVerification(records, OptionalLong.of(line), Optional.of(problem));
    }

    public boolean isIntact() {
        return firstBrokenLine.isEmpty();
    }
}
