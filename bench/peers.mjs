// The driver behind bench/peers: for each server, the time from start to its first answered tools/list, its
// get-issue answer for WEB-1 (tokens in o200k_base, facts of bench/peer-facts.tsv kept), warm latency at concurrency
// 1 (median and p90 of sequential calls, once warm) and its resident memory afterwards. Prints one Markdown table.
// Warm: a JVM server (one with "jvm": true) is called until its JIT compiler threads use at most 5% of a core over 5 s
// (at most 180 s); every other server gets at least as many warm-up calls as it needed, and at least 5 s of them.
// Usage (bench/peers runs it from the folder it installed the packages into):
//   node peers.mjs <servers.json> <peer-facts.tsv> <calls>
import fs from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { encode } from "gpt-tokenizer/encoding/o200k_base";

const [serversFile, factsFile, callsArg] = process.argv.slice(2);
const servers = JSON.parse(fs.readFileSync(serversFile, "utf8"));
const calls = Number(callsArg ?? 100);
const facts = fs.readFileSync(factsFile, "utf8").split("\n").filter((l) => l && !l.startsWith("#"))
  .map((l) => { const [name, re] = l.split("\t"); return { name, re: new RegExp(re, "i") }; });

const rssMb = (pid) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return NaN;
  }
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const jitMillis = (pid) => {
  let ticks = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      if (/^C[12] CompilerThre/.test(fs.readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8"))) {
        const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    } catch {
      // the thread ended
    }
  }
  return ticks * 10;
};
const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

async function connect(server, started) {
  for (;;) {
    const client = new Client({ name: "bench-peers", version: "1" });
    const transport = server.url
      ? new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { Authorization: `Bearer ${server.token}` } },
      })
      : new StdioClientTransport({ command: server.command, args: server.args, env: { ...process.env, ...server.env },
        stderr: "ignore" });
    try {
      await client.connect(transport);
      await client.listTools();
      return { client, transport, startup: Date.now() - started };
    } catch (e) {
      if (!server.url || Date.now() - started > 60_000) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

// Calls in rounds of 5 s until warm (see above); returns the number of calls made.
async function warmUp(client, server, pid, atLeastCalls) {
  let made = 0;
  const started = Date.now();
  for (;;) {
    const jitBefore = server.jvm ? jitMillis(pid) : 0;
    for (const end = Date.now() + 5000; Date.now() < end;) {
      await client.callTool({ name: server.tool, arguments: server.arguments });
      made++;
    }
    const quiet = server.jvm ? (jitMillis(pid) - jitBefore) / 5000 <= 0.05 : made >= atLeastCalls;
    if (quiet || Date.now() - started >= 180_000) {
      return made;
    }
  }
}

const rows = [];
let warmCalls = 0;
for (const server of servers) {
  const started = server.launchedMs ?? Date.now();
  let { client, transport, startup } = await connect(server, started);
  const pid = server.pid ?? transport.pid;
  const first = await client.callTool({ name: server.tool, arguments: server.arguments });
  const answer = text(first);
  const kept = facts.filter((f) => f.re.test(answer));
  const warm = await warmUp(client, server, pid, warmCalls);
  warmCalls = Math.max(warmCalls, warm);
  if (server.url) {
    // Node's fetch leaves an abort listener per request on the transport's signal until garbage collection, and each
    // new listener is checked against all of them: after thousands of calls the client itself slows down. A new
    // connection (the server stays up, and warm) measures the server, not that.
    await client.close();
    ({ client } = await connect(server, Date.now()));
  }
  const latencies = [];
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await client.callTool({ name: server.tool, arguments: server.arguments });
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rows.push({ name: server.name, tokens: encode(answer).length, kept: kept.length, error: first.isError === true,
    lost: facts.filter((f) => !kept.includes(f)).map((f) => f.name), p50: percentile(latencies, 50),
    p90: percentile(latencies, 90), startup, rss: rssMb(pid), warm });
  if (process.env.PEERS_SHOW_ANSWERS) {
    console.error(`--- ${server.name}\n${answer}\n`);
  }
  await client.close();
}

console.log(`| server | get-issue tokens (o200k) | facts kept (of ${facts.length}) | warm latency p50 / p90 ms `
  + "(concurrency 1) | start to first tools/list ms | resident memory MB |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.name} | ${r.tokens}${r.error ? " (an error)" : ""} | ${r.kept} | ${r.p50.toFixed(1)} / `
    + `${r.p90.toFixed(1)} | ${r.startup} | ${r.rss} |`);
}
console.log();
for (const r of rows) {
  console.log(`${r.name} left out: ${r.lost.length ? r.lost.join(", ") : "nothing"}; warm after ${r.warm} calls`);
}
