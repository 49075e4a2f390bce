/**
 * Sharing context in a workspace room as {@code context.share.v1}: files, git diffs and scrubbed environment
 * snapshots, inline when small and in Matrix media (zstd) when not; listing and fetching them with sender
 * pinning, signature and hash checks.
 */
@Export
@Version("1.1.0")
package org.mxagent.context.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
