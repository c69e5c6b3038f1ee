// usage: node mcp-remote.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>   (env TOKEN)
// Each server through mcp-remote, the stdio bridge Claude Desktop and other stdio-only clients use: spawned the way
// their configuration does (`npx mcp-remote <url> --header "Authorization: Bearer ..."`), over Streamable HTTP and over
// legacy SSE, driven with newline-delimited JSON-RPC on its stdin.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { check, finish } from "./checks.mjs";

const proxy = fileURLToPath(new URL("node_modules/mcp-remote/dist/proxy.js", import.meta.url));
const calls = {
  jira: ["jira_get_issue", { issue_key: "OPS-1" }, (t) => t.startsWith("# OPS-1: Checkout API p99 latency")],
  confluence: ["confluence_whoami", {}, (t) => t.startsWith("# Who you are")],
  compass: ["compass_get_component", { component: "checkout-api" }, (t) => t.startsWith("# checkout-api\nService")],
};
const configDir = mkdtempSync(join(tmpdir(), "mcp-remote-"));

function bridge(url, transport) {
  const child = spawn(process.execPath, [proxy, url, "--transport", transport,
    "--header", `Authorization: Bearer ${process.env.TOKEN}`], {
    stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir },
  });
  let log = "";
  child.stderr.on("data", (d) => { log += d; });
  const pending = new Map();
  createInterface({ input: child.stdout }).on("line", (line) => {
    const message = JSON.parse(line);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let nextId = 1;
  const request = (method, params) => {
    const id = nextId++;
    const answer = new Promise((resolve) => pending.set(id, resolve));
    child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
    let timer;
    const failure = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} in 30 s; mcp-remote said:\n${log}`)), 30_000);
      exited.then((code) => reject(new Error(`mcp-remote exited (${code}) before answering ${method}:\n${log}`)));
    });
    return Promise.race([answer, failure]).finally(() => clearTimeout(timer));
  };
  const notify = (method) => child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method }) + "\n");
  const close = () => { child.kill(); return exited; };
  return { request, notify, close };
}

async function run(server, url, transport) {
  const label = `${server} mcp-remote ${transport}`;
  const remote = bridge(url, transport);
  try {
    const init = await remote.request("initialize", {
      protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "claude-desktop-like", version: "1.0.0" },
    });
    check(`${label} initialize`, init.result?.serverInfo?.name === `${server}-mcp`, JSON.stringify(init));
    remote.notify("notifications/initialized");
    const list = await remote.request("tools/list", {});
    const names = (list.result?.tools ?? []).map((t) => t.name);
    const [tool, args, ok] = calls[server];
    check(`${label} tools/list`, names.includes(tool), JSON.stringify(list).slice(0, 300));
    const call = await remote.request("tools/call", { name: tool, arguments: args });
    const text = call.result?.content?.[0]?.text ?? "";
    check(`${label} ${tool}`, !call.result?.isError && ok(text), JSON.stringify(call).slice(0, 300));
  } finally {
    await remote.close();
  }
}

for (const arg of process.argv.slice(2)) {
  const [server, url] = arg.split("=");
  if (!calls[server]) {
    check(`server '${server}'`, false, "unknown (use jira=, confluence= or compass=)");
    continue;
  }
  for (const [transport, endpoint] of [["http-only", url], ["sse-only", url + "/sse"]]) {
    try {
      await run(server, endpoint, transport);
    } catch (e) {
      check(`${server} mcp-remote ${transport}`, false, e.message);
    }
  }
}
finish();
