// usage: node smoke.mjs <mcp-url> (env TOKEN). Lists tools and calls both Jira tools over Streamable HTTP and SSE.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const base = process.argv[2] ?? "http://localhost:8081/mcp";
const headers = { Authorization: `Bearer ${process.env.TOKEN}` };
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name}: ${detail}`); }
}

async function run(label, transport) {
  const client = new Client({ name: "smoke-client", version: "1.0.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  check(`${label} tools/list`, names.join(",") === "jira_get_issue,jira_search", names.join(","));
  const issue = await client.callTool({ name: "jira_get_issue", arguments: { issue_key: "OPS-1" } });
  const issueText = issue.content?.[0]?.text ?? "";
  check(`${label} jira_get_issue`, !issue.isError && issueText.startsWith("# OPS-1: Checkout API p99 latency")
    && issueText.includes("## Comments (3)"), issueText.slice(0, 200));
  const search = await client.callTool({ name: "jira_search", arguments: { jql: "project = OPS ORDER BY key ASC", limit: 2 } });
  const searchText = search.content?.[0]?.text ?? "";
  check(`${label} jira_search`, !search.isError && searchText.includes("| OPS-1 |") && searchText.includes("cursor="),
    searchText.slice(0, 200));
  await client.close();
}

try {
  await run("streamable-http", new StreamableHTTPClientTransport(new URL(base), { requestInit: { headers } }));
  await run("sse", new SSEClientTransport(new URL(base + "/sse"), { requestInit: { headers } }));
} catch (e) {
  failed++;
  console.log(`FAIL ${e}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
