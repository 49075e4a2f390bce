package org.mxagent.tool.spi;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named operation other agents may call ({@code call.request} with {@code tool = name} or {@code name@version}).
 * Register an implementation as an OSGi service; the exec bundle offers every registered tool, publishes a
 * {@code tool.v1} state event for it (key {@code name@version}) and answers calls policy allows
 * ({@code allow_tools}).
 *
 * <p>{@link #call} runs on a worker thread of the caller's choosing and may block up to the context's timeout;
 * it must honour thread interruption (the call is interrupted when it runs out of time). The result must stay
 * small: it travels in one Matrix event, so a result whose JSON is above about 48 KiB is refused.
 */
@ConsumerType
public interface Tool {

    /** The tool name, e.g. {@code read_file}: {@code [a-z0-9_.-]+}, no {@code @}. */
    String name();

    /** The version, e.g. {@code 1.0.0}: no {@code @}, no whitespace. */
    String version();

    /** One sentence for people and models choosing a tool. */
    String description();

    /** JSON Schema of {@code args} (opaque to the runtime: published as is in {@code tool.v1}). */
    JsonNode inputSchema();

    /** JSON Schema of the result. */
    JsonNode outputSchema();

    /**
     * Runs the tool.
     *
     * @param args    the call's {@code args} as received (not validated against the schema by the runtime)
     * @param context who asked, under which allowance, and which paths the tool may touch
     * @return the result JSON
     * @throws ToolException a failure to report to the caller ({@code ok: false}, {@code error} = its message)
     * @throws InterruptedException when the call ran out of time
     */
    JsonNode call(JsonNode args, ToolContext context) throws ToolException, InterruptedException;
}
