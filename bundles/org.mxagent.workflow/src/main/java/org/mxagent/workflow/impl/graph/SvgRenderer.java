package org.mxagent.workflow.impl.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.mxagent.workflow.api.WorkflowException;

/** DOT to SVG by Graphviz's {@code dot -Tsvg} (Debian's graphviz package); we do not lay graphs out ourselves. */
public final class SvgRenderer {
    private static final long TIMEOUT_SECONDS = 30;

    private SvgRenderer() {}

    public static String render(String dot) throws WorkflowException {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-Tsvg").start();
        } catch (IOException e) {
            throw new WorkflowException(WorkflowException.Kind.FAILED,
                    "cannot run Graphviz 'dot' (install Debian's graphviz package): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new WorkflowException(WorkflowException.Kind.FAILED, "cannot feed Graphviz: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WorkflowException(WorkflowException.Kind.FAILED,
                        "Graphviz 'dot' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new WorkflowException(WorkflowException.Kind.FAILED, "Graphviz 'dot' failed (exit "
                        + process.exitValue() + "): " + new String(stderr.get(), StandardCharsets.UTF_8).strip());
            }
            return new String(stdout.get(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WorkflowException(WorkflowException.Kind.FAILED, "interrupted while rendering SVG", e);
        } catch (ExecutionException e) {
            throw new WorkflowException(WorkflowException.Kind.FAILED, "cannot read Graphviz output: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (InputStream in = stream; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
