package org.mxagent.adapter.api;

import java.util.Objects;
import org.mxagent.adapter.spi.Detection;

/** A registered adapter and what its detection found. */
public record AdapterStatus(String name, String bundle, Detection detection) {
    public AdapterStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(detection, "detection");
    }
}
