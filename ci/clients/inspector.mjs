// usage: node inspector.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>   (env TOKEN)
// Each server through the MCP Inspector's command-line mode (`mcp-inspector --cli`, on @modelcontextprotocol/client 2),
// as a person would run it against a remote server: Streamable HTTP with a bearer token, listing the tools (with its
// tool-schema portability check) and calling one read tool.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { check, finish } from "./checks.mjs";

const inspector = fileURLToPath(new URL("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js",
  import.meta.url));
const calls = {
  jira: ["jira_get_issue", ["issue_key=OPS-1"], (t) => t.startsWith("# OPS-1: Checkout API p99 latency")],
  confluence: ["confluence_get_page", ["page_id=131075"], (t) => t.includes("131075")],
  compass: ["compass_get_component", ["component=checkout-api"], (t) => t.startsWith("# checkout-api\nService")],
};

function cli(url, args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [inspector, "--cli", url, "--transport", "http", "--header", `Authorization: Bearer ${process.env.TOKEN}`, ...args], { timeout: 60_000 },
    (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }));
  });
}

function json(output) {
  try { return JSON.parse(output.stdout); } catch { return null; }
}

for (const arg of process.argv.slice(2)) {
  const [product, url] = arg.split("=");
  const [tool, toolArgs, expected] = calls[product];

  const listed = await cli(url, ["--method", "tools/list", "--strict"]);
  const tools = json(listed)?.tools ?? [];
  check(`${product} inspector --cli tools/list`, listed.code === 0 && tools.some((t) => t.name === tool)
    && tools.every((t) => t.name.startsWith(`${product}_`) && t.icons?.length === 1),
  `exit ${listed.code}, ${tools.length} tools: ${listed.stdout.slice(0, 300)} ${listed.stderr.slice(0, 500)}`);

  const called = await cli(url, ["--method", "tools/call", "--tool-name", tool,
    ...toolArgs.flatMap((a) => ["--tool-arg", a])]);
  const result = json(called);
  const text = result?.content?.[0]?.text ?? "";
  check(`${product} inspector --cli tools/call ${tool}`, called.code === 0 && !result?.isError && expected(text),
    `exit ${called.code}: ${called.stdout.slice(0, 300)} ${called.stderr.slice(0, 500)}`);

  const wrong = await cli(url, ["--method", "tools/call", "--tool-name", tool, "--tool-arg", "no_such_argument=1"]);
  const refused = json(wrong);
  check(`${product} inspector --cli tools/call with a wrong argument is a tool error`, refused?.isError === true
    && refused.content?.[0]?.text?.startsWith("Unknown argument no_such_argument"),
  `exit ${wrong.code}: ${wrong.stdout.slice(0, 300)} ${wrong.stderr.slice(0, 300)}`);
}
finish();
