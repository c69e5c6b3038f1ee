// usage: node connect.mjs jira=<mcp-url> [confluence=<mcp-url>] [compass=<mcp-url>]   (env JANE_TOKEN, BOB_TOKEN;
// CHROMIUM, default /usr/bin/chromium)
// Delegated access as people do it, against ./demo (the servers with ATLASSIAN_AUTH_MODE=oauth, the sandbox as
// identity provider and as Atlassian): an MCP client's tool call answers with a connect link; headless Chromium opens
// it, signs in at the identity provider, continues to Atlassian's consent page and accepts; the same call then succeeds
// as that person. On jira-mcp Jane connects over Streamable HTTP and Bob over legacy SSE; each sees their own projects;
// a link opened by someone else is refused; Bob disconnects. Jane connects to confluence-mcp and compass-mcp too, sees
// her own spaces and components there, and stays connected to all three for the client checks that follow.
import { chromium } from "playwright-core";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { check, finish } from "./checks.mjs";

const urls = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split("=")));
const people = {
  jane: { token: process.env.JANE_TOKEN, username: "jdoe", email: "jane.doe@example.com", password: "jane-pass",
    accountId: "5b10ac8d82e05b22cc7d4ef5" },
  bob: { token: process.env.BOB_TOKEN, username: "bmartin", email: "bob.martin@example.com", password: "bob-pass",
    accountId: "5b10a2844c20165700ede21g" },
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

async function session(person, kind, url = urls.jira) {
  const requestInit = { headers: { Authorization: `Bearer ${person.token}` } };
  const transport = kind === "sse" ? new SSEClientTransport(new URL(url + "/sse"), { requestInit })
    : new StreamableHTTPClientTransport(new URL(url), { requestInit });
  const client = new Client({ name: "connect-check", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  return { error: result.isError === true, text: result.content?.[0]?.text ?? "" };
}

function link(text) {
  return /Open (http\S+\/connect\/atlassian\?link=\S+) in your browser/.exec(text)?.[1];
}

// Opens a connect link in a fresh browser profile, signs in as `signIn` and, if the server lets them, consents at
// Atlassian as the same person. Returns the heading of the page it ends on.
async function connectInBrowser(connectLink, signIn, scope = "read:jira-work") {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(connectLink);
    await page.fill("#username", signIn.username);
    await page.fill("#password", signIn.password);
    await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
    if (await page.locator("#continue").count() === 0) {
      return await page.textContent("h1");
    }
    check(`${signIn.username} sees what is granted before Atlassian`,
      (await page.textContent("main")).includes(scope), await page.textContent("main"));
    await Promise.all([page.waitForURL(/atlassian-auth\/authorize/), page.click("#continue")]);
    await page.fill("#email", signIn.email);
    await page.fill("#password", signIn.password);
    await Promise.all([page.waitForURL(/\/connect\/atlassian\/callback/), page.click("button[value=accept]")]);
    return await page.textContent("h1");
  } finally {
    await context.close();
  }
}

for (const [name, kind] of [["jane", "streamable-http"], ["bob", "sse"]]) {
  const person = people[name];
  try {
    const client = await session(person, kind);
    const before = await call(client, "jira_get_issue", { issue_key: "WEB-1" });
    const connectLink = link(before.text);
    check(`${name} ${kind}: before connecting, a tool error with the connect link`,
      before.error && connectLink !== undefined, before.text);
    if (name === "bob") {
      const other = await connectInBrowser(connectLink, people.jane);
      check("bob's link opened by jane is refused", other === "This link was made for someone else", other);
    }
    const heading = await connectInBrowser(connectLink, person);
    check(`${name} connects in Chromium`, heading === "Jira is connected", heading);
    const after = await call(client, "jira_get_issue", { issue_key: "WEB-1" });
    check(`${name} ${kind}: the same call succeeds`, !after.error && after.text.startsWith("# WEB-1: "), after.text);
    const projects = await call(client, "jira_list_projects");
    const own = name === "jane" ? projects.text.includes("| SEC |") && projects.text.includes("| PAY |")
      : !projects.text.includes("| SEC |") && !projects.text.includes("| PAY |") && projects.text.includes("| OPS |");
    check(`${name} sees their own projects`, own, projects.text);
    const whoami = await call(client, "jira_whoami");
    check(`${name} is who Jira sees`, whoami.text.includes(person.accountId)
      && whoami.text.includes("calls use the Atlassian account you connected"), whoami.text);
    if (name === "bob") {
      const gone = await call(client, "jira_disconnect_atlassian");
      check("bob disconnects", gone.text.startsWith("Disconnected: "), gone.text);
      const again = await call(client, "jira_get_issue", { issue_key: "WEB-1" });
      check("after disconnecting, the link again", again.error && link(again.text) !== undefined, again.text);
    }
    await client.close();
  } catch (e) {
    check(`${name} ${kind}`, false, e);
  }
}
// Jane on the other servers: each asks for its own consent (one grant per product), then acts with her rights.
const products = {
  confluence: { title: "Confluence", scope: "read:page:confluence", first: ["confluence_get_page", { page_id: "65537" }],
    ok: (t) => t.startsWith("# Engineering Home"), own: ["confluence_list_spaces", {}, (t) => t.includes("| HR |")] },
  compass: { title: "Compass", scope: "read:component:compass",
    first: ["compass_get_component", { component: "checkout-api" }], ok: (t) => t.startsWith("# checkout-api"),
    own: ["compass_my_components", { limit: 50 }, (t) => t.includes("| customer-api |")] },
};
for (const [server, product] of Object.entries(products)) {
  if (!urls[server]) continue;
  try {
    const client = await session(people.jane, "streamable-http", urls[server]);
    const before = await call(client, ...product.first);
    const connectLink = link(before.text);
    check(`jane ${server}: before connecting, a tool error with the connect link`,
      before.error && connectLink !== undefined, before.text);
    const heading = await connectInBrowser(connectLink, people.jane, product.scope);
    check(`jane connects ${server} in Chromium`, heading === `${product.title} is connected`, heading);
    const after = await call(client, ...product.first);
    check(`jane ${server}: the same call succeeds`, !after.error && product.ok(after.text), after.text);
    const own = await call(client, product.own[0], product.own[1]);
    check(`jane ${server}: her own rights`, !own.error && product.own[2](own.text), own.text);
    await client.close();
  } catch (e) {
    check(`jane ${server}`, false, e);
  }
}
await browser.close();
finish();
