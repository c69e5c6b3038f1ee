// usage: node mcp-remote.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>   (env TOKEN)
// Each server through mcp-remote, the stdio bridge Claude Desktop and other stdio-only clients use: spawned the way
// their configuration does (`npx mcp-remote <url> --header "Authorization: Bearer ..."`), over Streamable HTTP and over
// legacy SSE.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bridge, readCalls, useTools } from "./bridge.mjs";
import { check, finish } from "./checks.mjs";

const configDir = mkdtempSync(join(tmpdir(), "mcp-remote-"));

async function run(server, url, transport) {
  const label = `${server} mcp-remote ${transport}`;
  const remote = bridge([url, "--transport", transport, "--header", `Authorization: Bearer ${process.env.TOKEN}`],
    { MCP_REMOTE_CONFIG_DIR: configDir });
  try {
    await useTools(remote, server, label);
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
    try {
      await run(server, endpoint, transport);
    } catch (e) {
      check(`${server} mcp-remote ${transport}`, false, e.message);
    }
  }
}
finish();
