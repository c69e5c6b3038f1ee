// The driver behind bench/peers: for each server, the time from start to its first answered tools/list, its
// get-issue answer for WEB-1 (tokens in o200k_base, facts of bench/peer-facts.tsv kept), warm latency at concurrency
// 1 (median and p90 of sequential calls after 5 s of warm-up calls) and its resident memory afterwards. Prints one Markdown table.
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

const rows = [];
for (const server of servers) {
  const started = server.launchedMs ?? Date.now();
  const { client, transport, startup } = await connect(server, started);
  const pid = server.pid ?? transport.pid;
  const first = await client.callTool({ name: server.tool, arguments: server.arguments });
  const answer = text(first);
  const kept = facts.filter((f) => f.re.test(answer));
  // warm-up: 5 seconds of calls, so that a JIT-compiled server is measured warm like the others
  for (const end = Date.now() + 5000; Date.now() < end;) {
    await client.callTool({ name: server.tool, arguments: server.arguments });
  }
  const latencies = [];
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await client.callTool({ name: server.tool, arguments: server.arguments });
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rows.push({ name: server.name, tokens: encode(answer).length, kept: kept.length, error: first.isError === true,
    lost: facts.filter((f) => !kept.includes(f)).map((f) => f.name), p50: percentile(latencies, 50),
    p90: percentile(latencies, 90), startup, rss: rssMb(pid) });
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
  console.log(`${r.name} left out: ${r.lost.length ? r.lost.join(", ") : "nothing"}`);
}
