// mcp-remote, the stdio bridge Claude Desktop and other stdio-only clients use, spawned the way their configuration
// does (`npx mcp-remote <url> ...`) and driven with newline-delimited JSON-RPC on its stdin.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { check } from "./checks.mjs";

const proxy = fileURLToPath(new URL("node_modules/mcp-remote/dist/proxy.js", import.meta.url));

// args: mcp-remote's command line after `mcp-remote`; env: added to this process's environment.
export function bridge(args, env = {}) {
  const child = spawn(process.execPath, [proxy, ...args], {
    stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env },
  });
  let log = "";
  const watchers = [];
  child.stderr.on("data", (d) => {
    log += d;
    for (const watcher of watchers) watcher();
  });
  const pending = new Map();
  createInterface({ input: child.stdout }).on("line", (line) => {
    const message = JSON.parse(line);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const failAfter = (what, ms) => {
    let timer;
    const failure = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} in ${ms / 1000} s; mcp-remote said:\n${log}`)), ms);
      exited.then((code) => reject(new Error(`mcp-remote exited (${code}) before ${what}:\n${log}`)));
    });
    return { failure, clear: () => clearTimeout(timer) };
  };
  let nextId = 1;
  const request = (method, params) => {
    const id = nextId++;
    const answer = new Promise((resolve) => pending.set(id, resolve));
    child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
    const { failure, clear } = failAfter(`answer to ${method}`, 30_000);
    return Promise.race([answer, failure]).finally(clear);
  };
  // The first match of pattern in what mcp-remote writes to stderr.
  const logged = (pattern) => {
    const found = new Promise((resolve) => {
      const look = () => { const m = pattern.exec(log); if (m) resolve(m); };
      watchers.push(look);
      look();
    });
    const { failure, clear } = failAfter(`log line ${pattern}`, 30_000);
    return Promise.race([found, failure]).finally(clear);
  };
  const notify = (method) => child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method }) + "\n");
  const close = () => { child.kill(); return exited; };
  return { request, notify, logged, close };
}

// One read tool per server and what its answer starts with.
export const readCalls = {
  jira: ["jira_get_issue", { issue_key: "OPS-1" }, (t) => t.startsWith("# OPS-1: Checkout API p99 latency")],
  confluence: ["confluence_get_page", { page_id: "65537" }, (t) => t.startsWith("# Engineering Home")],
  compass: ["compass_get_component", { component: "checkout-api" }, (t) => t.startsWith("# checkout-api\nService")],
};

// A tool outside each server's first default tool set, which ?toolsets=<that set> must hide.
export const otherSetTool = { jira: "jira_list_boards", confluence: "confluence_get_comments",
  compass: "compass_who_owns" };
export const firstSet = { jira: "core", confluence: "core", compass: "catalog" };

// initialize, tools/list and the server's read call through a bridge, one check each; narrowed: the URL asked for the
// server's first default tool set only.
export async function useTools(remote, server, label, narrowed = false) {
  const init = await remote.request("initialize", {
    protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "claude-desktop-like", version: "1.0.0" },
  });
  check(`${label} initialize`, init.result?.serverInfo?.name === `${server}-mcp`, JSON.stringify(init));
  remote.notify("notifications/initialized");
  const list = await remote.request("tools/list", {});
  const names = (list.result?.tools ?? []).map((t) => t.name);
  const [tool, args, ok] = readCalls[server];
  check(`${label} tools/list`, names.includes(tool) && names.includes(otherSetTool[server]) !== narrowed,
    JSON.stringify(names));
  const call = await remote.request("tools/call", { name: tool, arguments: args });
  const text = call.result?.content?.[0]?.text ?? "";
  check(`${label} ${tool}`, !call.result?.isError && ok(text), JSON.stringify(call).slice(0, 300));
}
