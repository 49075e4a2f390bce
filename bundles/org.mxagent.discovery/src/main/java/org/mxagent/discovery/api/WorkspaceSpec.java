package org.mxagent.discovery.api;

import java.util.Objects;

/**
 * What {@code workspace create} asks for. Empty strings mean "not given". {@code alias} is a local part
 * ({@code team}) or a full alias on this account's server ({@code #team:example.org}). {@code projectId} and
 * {@code path} go into {@code workspace.v1}; without them the project id is the alias local part or the name.
 */
public record WorkspaceSpec(String alias, String name, String topic, Visibility visibility, boolean e2ee,
        String projectId, String path) {

    public WorkspaceSpec {
        alias = Objects.requireNonNullElse(alias, "");
        name = Objects.requireNonNullElse(name, "");
        topic = Objects.requireNonNullElse(topic, "");
        visibility = Objects.requireNonNullElse(visibility, Visibility.PRIVATE);
        projectId = Objects.requireNonNullElse(projectId, "");
        path = Objects.requireNonNullElse(path, "");
    }
}
