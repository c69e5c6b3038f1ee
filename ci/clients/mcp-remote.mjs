// usage: node mcp-remote.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>   (env TOKEN)
// Each server through mcp-remote, the stdio bridge Claude Desktop and other stdio-only clients use: spawned the way
// their configuration does (`npx mcp-remote <url> --header "Authorization: Bearer ..."`), over Streamable HTTP and over
// legacy SSE, with the plain URL and with one narrowed to a tool set (?toolsets=).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bridge, firstSet, readCalls, useTools } from "./bridge.mjs";
import { check, finish } from "./checks.mjs";

const configDir = mkdtempSync(join(tmpdir(), "mcp-remote-"));

async function run(server, url, transport, narrowed) {
  const label = `${server} mcp-remote ${transport}${narrowed ? " narrowed" : ""}`;
  const remote = bridge([url, "--transport", transport, "--header", `Authorization: Bearer ${process.env.TOKEN}`],
    { MCP_REMOTE_CONFIG_DIR: configDir });
  try {
    await useTools(remote, server, label, narrowed);
  } finally {
    await remote.close();
  }
}

for (const arg of process.argv.slice(2)) {
  const [server, url] = arg.split("=");
  if (!readCalls[server]) {
    check(`server '${server}'`, false, "unknown (use jira=, confluence= or compass=)");
    continue;
  }
  for (const [transport, endpoint] of [["http-only", url], ["sse-only", url + "/sse"]]) {
    for (const narrowed of [false, true]) {
      try {
        await run(server, narrowed ? `${endpoint}?toolsets=${firstSet[server]}` : endpoint, transport, narrowed);
      } catch (e) {
        check(`${server} mcp-remote ${transport}${narrowed ? " narrowed" : ""}`, false, e.message);
      }
    }
  }
}
finish();
