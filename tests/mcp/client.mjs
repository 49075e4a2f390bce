// End-to-end check of `mx-agent mcp` with the official MCP TypeScript SDK client (@modelcontextprotocol/sdk),
// a client nobody in this project wrote. Spawns the server over stdio, initializes, lists tools, calls
// daemon_status against the running daemon, and exec when the daemon offers exec.start.
// Usage: node client.mjs <sdk node_modules dir> <command> [args…]   (env is passed through to the server)
import { createRequire } from "node:module";
import path from "node:path";
import assert from "node:assert/strict";

const [, , modules, command, ...args] = process.argv;
const require = createRequire(path.join(modules, "noop.js"));
const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");

const results = [];
function check(name, fn) {
  return fn().then(
    (detail) => {
      if (typeof detail === "string" && detail.startsWith("NOT VERIFIED")) {
        results.push([name, "skip"]); console.log(`SKIP ${name}: ${detail}`); return;
      }
      results.push([name, true]); console.log(`ok   ${name}${detail ? ": " + detail : ""}`);
    },
    (err) => { results.push([name, false]); console.log(`FAIL ${name}: ${err && err.stack || err}`); });
}

const transport = new StdioClientTransport({ command, args, env: process.env, stderr: "inherit" });
const client = new Client({ name: "mx-agent-mcp-e2e", version: "1.0.0" });
const text = (r) => r.content.filter((c) => c.type === "text").map((c) => c.text).join("");

await check("initialize", async () => {
  await client.connect(transport);
  const info = client.getServerVersion();
  assert.equal(info.name, "mx-agent");
  assert.ok(client.getServerCapabilities().tools, "tools capability");
  return `${info.name} ${info.version}, protocol negotiated by the SDK`;
});

let toolNames = [];
await check("tools/list", async () => {
  const { tools } = await client.listTools();
  toolNames = tools.map((t) => t.name);
  for (const want of ["workspaces_list", "agents_list", "exec", "call", "share_file", "share_get", "task_create",
                      "task_list", "task_update", "task_show", "task_graph", "task_watch", "approvals_list",
                      "approval_decide", "daemon_status"]) {
    assert.ok(toolNames.includes(want), `missing tool ${want}`);
  }
  for (const t of tools) assert.equal(t.inputSchema.type, "object", `${t.name} schema`);
  return toolNames.join(", ");
});

let hasExec = false;
await check("daemon_status against the real daemon", async () => {
  const r = await client.callTool({ name: "daemon_status", arguments: {} });
  assert.equal(r.isError, false, text(r));
  const status = JSON.parse(text(r));
  assert.ok(Number.isInteger(status.pid), "pid");
  assert.equal(status.socket, process.env.EXPECT_SOCKET);
  return `pid ${status.pid}, ${status.bundles.active}/${status.bundles.total} bundles active`;
});

await check("unknown tool is a protocol error", async () => {
  await assert.rejects(client.callTool({ name: "no_such_tool", arguments: {} }), /unknown tool/);
});

await check("missing argument is a tool error", async () => {
  const r = await client.callTool({ name: "agents_list", arguments: {} });
  assert.equal(r.isError, true);
  assert.match(text(r), /missing required argument: room/);
});

await check("approvals: the held requests of this runtime, and a decision on an unknown one is refused", async () => {
  const listed = await client.callTool({ name: "approvals_list", arguments: {} });
  assert.equal(listed.isError, false, text(listed));
  assert.ok(Array.isArray(listed.structuredContent?.holds), text(listed));
  const decided = await client.callTool({ name: "approval_decide",
                                          arguments: { request_id: "req_nosuchhold", decision: "approve" } });
  assert.equal(decided.isError, true, text(decided));
  assert.match(text(decided), /req_nosuchhold/, text(decided));
  const bad = await client.callTool({ name: "approval_decide", arguments: { request_id: "x", decision: "maybe" } });
  assert.equal(bad.isError, true);
  assert.match(text(bad), /approve or deny/, text(bad));
  return `${listed.structuredContent.holds.length} holds`;
});

await check("call needs room and agent together", async () => {
  const r = await client.callTool({ name: "call", arguments: { tool: "read_file", room: "!x:localhost" } });
  assert.equal(r.isError, true);
  assert.match(text(r), /room and agent together/, text(r));
  return "refused";
});

await check("exec streams output as progress and returns the exit code", async () => {
  const progress = [];
  const r = await client.callTool(
    { name: "exec", arguments: { argv: ["sh", "-c", "echo hello-from-exec; echo oops >&2; exit 3"],
                                 cwd: "/tmp", timeout_ms: 30000 } },
    undefined, { onprogress: (p) => progress.push(p) });
  if (/does not offer that method/.test(text(r)) && process.env.EXPECT_EXEC !== "1") {
    return "NOT VERIFIED: this daemon has no exec.start yet (" + text(r) + ")";
  }
  assert.match(text(r), /hello-from-exec/, text(r));
  assert.match(text(r), /oops/, text(r));
  assert.match(text(r), /exit code 3/, text(r));
  assert.equal(r.isError, true);
  assert.ok(progress.some((p) => /hello-from-exec/.test(p.message || "")), JSON.stringify(progress));
  return `${progress.length} progress notifications`;
});

await client.close();

await check("daemon not running is a clear tool error", async () => {
  const env = { ...process.env, MX_AGENT_RUNTIME_DIR: "/nonexistent/mx-agent-e2e" };
  const other = new Client({ name: "mx-agent-mcp-e2e-2", version: "1.0.0" });
  await other.connect(new StdioClientTransport({ command, args, env, stderr: "ignore" }));
  const r = await other.callTool({ name: "daemon_status", arguments: {} });
  await other.close();
  assert.equal(r.isError, true);
  assert.match(text(r), /^mx-agent daemon is not running: run mx-agent daemon start/);
});


const failed = results.filter(([, ok]) => ok === false).length;
const skipped = results.filter(([, ok]) => ok === "skip").length;
console.log(`${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
