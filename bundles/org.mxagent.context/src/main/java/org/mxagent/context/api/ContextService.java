package org.mxagent.context.api;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Shares context in a workspace room as {@code context.share.v1}, signed with this runtime's key. Sending
 * requires an agent hosted here in that room (peers accept shares only from agents' accounts). Rooms are ids
 * ({@code !opaque}) or aliases ({@code #name:server}). Every call blocks on the homeserver.
 */
@ProviderType
public interface ContextService {

    /** Shares bytes under a name and MIME type (e.g. {@code text/plain}, {@code application/json}). */
    ShareReceipt shareFile(String room, String name, String mimeType, byte[] content) throws ContextException;

    /**
     * Shares {@code git diff} (or {@code git diff <base>}) of the work tree at {@code directory}, an absolute path,
     * as {@code text/x-diff}. Fails with {@link ContextException.Kind#INVALID} if it is not in a git repository.
     */
    default ShareReceipt shareDiff(String room, Path directory, String base) throws ContextException {
        return shareDiff(room, directory, base, DiffFormat.PATCH);
    }

    /**
     * Shares {@code git diff [base]} of the work tree at {@code directory} in {@code format}: the patch
     * ({@code text/x-diff}), {@code --stat} or {@code --name-only} (both {@code text/plain}).
     */
    ShareReceipt shareDiff(String room, Path directory, String base, DiffFormat format) throws ContextException;

    /**
     * Shares a JSON object of allowlisted environment variables ({@code PATH LANG LC_* TZ TERM SHELL USER HOME},
     * the configured names and {@code include}); secret-looking names are never shared and asking for one is an
     * error.
     */
    ShareReceipt shareEnv(String room, List<String> include) throws ContextException;

    /** The newest {@code limit} accepted shares of the room, and the refused ones met on the way. */
    ShareListing list(String room, int limit) throws ContextException;

    /**
     * Fetches and verifies one share. With an empty {@code room} the joined workspace rooms are searched. A
     * forged or corrupt copy never hides a genuine share with the same id; if only refused copies exist the
     * failure is {@link ContextException.Kind#REJECTED} with the reason.
     */
    SharedDocument get(String room, String contextId) throws ContextException;
}
