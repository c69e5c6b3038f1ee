// usage: node signin.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>
//   env: CHROMIUM (default /usr/bin/chromium); the servers trust the Keycloak realm ci/signin/realm.json.
// People sign in the way they do at their desk: a real client meets the server's 401, discovers Keycloak from the
// protected-resource metadata, opens Keycloak's login page, which headless Chromium fills in as a person would, gets
// the code on its loopback callback, and calls a tool with the token. Through mcp-remote and the TypeScript SDK's
// OAuth client, over Streamable HTTP and legacy SSE; then step-up from read to write, a second person who may only
// read, a token for another server's audience, and an expired token that the client refreshes.
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { auth, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { bridge, firstSet, readCalls, useTools } from "./bridge.mjs";
import { check, finish } from "./checks.mjs";

const MCP_REMOTE_PORT = 18301;
const SDK_PORT = 18302;
const SHORT_LIVED_PORT = 18303;
// One write tool per server; tag keeps each call's change its own.
const writeCalls = {
  jira: (tag) => ["jira_add_comment", { issue_key: "OPS-5", body: `Signed in through Keycloak (${tag}).` },
    (t) => t.startsWith("Added comment")],
  confluence: (tag) => ["confluence_add_comment", { page_id: "131075", body: `Signed in through Keycloak (${tag}).` },
    (t) => t.startsWith("Added comment")],
  compass: (tag) => ["compass_add_labels", { component: "checkout-api", labels: [`signed-in-${tag}`] },
    (t) => t.startsWith(`Added the labels signed-in-${tag} to checkout-api.`)],
};

const servers = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split("=")));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

// Each person has their own browser profile, so their Keycloak session carries over from one sign-in to the next.
const people = {
  jane: { password: "jane-signs-in", forms: 0 },
  rob: { password: "rob-signs-in", forms: 0 },
};

// What the flow under way last did, for the message of a flow that stalls.
const trace = [];
const step = (what) => { trace.push(`${new Date().toISOString().slice(11, 23)} ${what}`); if (trace.length > 12) trace.shift(); };

// Opens url in the person's browser, signs in on Keycloak's form if it asks, and returns the loopback callback URL the
// browser was sent to.
async function signInAt(name, url) {
  const person = people[name];
  person.context ??= await browser.newContext();
  const page = await person.context.newPage();
  try {
    const callback = page.waitForRequest((r) => /^http:\/\/(localhost|127\.0\.0\.1):\d+\/oauth\/callback\?/.test(r.url()),
      { timeout: 20_000 });
    callback.catch(() => {});
    step(`${name}'s browser opens ${url.slice(0, 120)}`);
    await page.goto(url);
    step(`${name}'s browser shows ${page.url().slice(0, 120)}`);
    if (!page.url().includes("/oauth/callback") && await page.locator("#username").count() > 0) {
      person.forms++;
      await page.fill("#username", name);
      await page.fill("#password", person.password);
      await page.click("#kc-login");
      step(`${name} signed in on the form`);
    }
    const request = await callback.catch(async () => {
      throw new Error(`the browser never reached the client's callback; it shows ${page.url()}: `
        + (await page.textContent("body")).replace(/\s+/g, " ").slice(0, 300));
    });
    step(`${name}'s browser reached ${request.url().slice(0, 60)}`);
    return new URL(request.url());
  } finally {
    // not awaited: closing a page that has just loaded the callback can stall in Chromium, and nothing waits on it
    page.close().catch(() => {});
  }
}

function claims(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
}

// --- mcp-remote, as a desktop client's configuration starts it ---

// narrowed: the URL asks for one tool set; the OAuth resource stays the plain MCP endpoint.
async function mcpRemote(server, url, transport, narrowed = false) {
  const label = `${server} mcp-remote ${transport}${narrowed ? " narrowed" : ""} sign-in`;
  const remote = bridge([url, String(MCP_REMOTE_PORT), "--transport", transport,
    "--static-oauth-client-info", JSON.stringify({ client_id: "mcp-desktop" })],
  // BROWSER=true: the system opener does nothing; the URL mcp-remote prints goes to Chromium instead
  { MCP_REMOTE_CONFIG_DIR: mkdtempSync(join(tmpdir(), "mcp-remote-signin-")), BROWSER: "true" });
  try {
    const [, authorizationUrl] = await remote.logged(/Please authorize this client by visiting:\s*\n(\S+)/);
    const asked = new URL(authorizationUrl);
    check(`${label}: discovered Keycloak from the 401`, asked.pathname.endsWith("/protocol/openid-connect/auth")
      && asked.searchParams.get("resource") === url.replace(/\?.*$/, "").replace(/\/sse$/, ""), authorizationUrl);
    await signInAt("jane", authorizationUrl);
    await useTools(remote, server, label, narrowed);
  } finally {
    await remote.close();
  }
}

// --- the TypeScript SDK's OAuth client provider ---

// The loopback callbacks the SDK's providers redirect to; the browser lands there after Keycloak.
const callbacks = [SDK_PORT, SHORT_LIVED_PORT].map((port) => createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html" }).end("<p>Signed in. You can close this window.</p>");
}).listen(port, "127.0.0.1"));

class BrowserSignIn {
  constructor(person, clientId, port) {
    this.person = person;
    this.clientId = clientId;
    this.redirectUrl = `http://localhost:${port}/oauth/callback`;
    this.saved = [];
    this.signIns = 0;
  }

  get clientMetadata() {
    return { client_name: "sign-in checks", redirect_uris: [this.redirectUrl], token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] };
  }

  clientInformation() { return { client_id: this.clientId }; }
  tokens() { return this.saved.at(-1); }
  saveTokens(tokens) { this.saved.push(tokens); }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  invalidateCredentials(which) { if (which === "all" || which === "tokens") this.saved.push(undefined); }

  redirectToAuthorization(url) {
    this.signIns++;
    this.code = signInAt(this.person, url.toString()).then((callback) => callback.searchParams.get("code"));
  }

  // Signs in for exactly these scopes through the SDK's auth functions (as an app does to ask for less or more).
  async signInFor(serverUrl, scope) {
    const started = await auth(this, { serverUrl, scope });
    if (started !== "REDIRECT") throw new Error(`expected a browser sign-in, got ${started}`);
    await auth(this, { serverUrl, authorizationCode: await this.code });
  }
}

function transportFor(kind, url, provider) {
  return kind === "streamable" ? new StreamableHTTPClientTransport(new URL(url), { authProvider: provider })
    : new SSEClientTransport(new URL(url + "/sse"), { authProvider: provider });
}

// Connects as an app does: the first attempt meets the 401 and sends the person to sign in; after the callback the
// app finishes the sign-in and connects again.
async function connect(kind, url, provider) {
  let transport = transportFor(kind, url, provider);
  let client = new Client({ name: "signin-check", version: "1.0.0" });
  try {
    await client.connect(transport);
    return client;
  } catch (e) {
    if (!(e instanceof UnauthorizedError)) throw e;
  }
  step("the client waits for the code");
  const code = await provider.code;
  step("the client exchanges the code");
  await transport.finishAuth(code);
  step("the client connects with its token");
  transport = transportFor(kind, url, provider);
  client = new Client({ name: "signin-check", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function callTool(client, [tool, args, ok]) {
  const result = await client.callTool({ name: tool, arguments: args });
  const text = result.content?.[0]?.text ?? "";
  return { ok: !result.isError && ok(text), text };
}

async function sdk(server, url, kind) {
  const label = `${server} SDK ${kind} sign-in`;
  const provider = new BrowserSignIn("jane", "mcp-desktop", SDK_PORT);
  const client = await connect(kind, url, provider);
  try {
    const token = claims(provider.tokens().access_token);
    check(`${label}: token for this server`, [token.aud].flat().includes(url) && token.preferred_username === "jane",
      JSON.stringify({ aud: token.aud, user: token.preferred_username }));
    const read = await callTool(client, readCalls[server]);
    check(`${label} ${readCalls[server][0]}`, read.ok, read.text.slice(0, 300));
  } finally {
    await client.close();
  }
  return provider;
}

// What the server answers a raw MCP request with this token: status and WWW-Authenticate.
async function rawCall(url, token, tool, args) {
  const response = await fetch(url, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json",
      Accept: "application/json, text/event-stream" },
    body: JSON.stringify(tool ? { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool, arguments: args } }
      : { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {},
        clientInfo: { name: "raw", version: "1" } } }),
  });
  await response.body?.cancel();
  return { status: response.status, challenge: response.headers.get("www-authenticate") ?? "" };
}

// Jane first grants only the read scope; a write is refused with the scopes to ask for; she grants them (Keycloak
// remembers her, so no password this time) and the write goes through.
async function stepUp(server, url, kind) {
  const label = `${server} SDK ${kind} step-up`;
  const provider = new BrowserSignIn("jane", "mcp-desktop", SDK_PORT);
  await provider.signInFor(new URL(url), `${server}:read`);
  check(`${label}: signed in with the read scope only`, claims(provider.tokens().access_token).scope.split(" ")
    .filter((s) => s.startsWith(`${server}:`)).join(" ") === `${server}:read`, provider.tokens().scope);
  const client = await connect(kind, url, provider);
  try {
    check(`${label}: reads`, (await callTool(client, readCalls[server])).ok, "read refused");
    const write = writeCalls[server](kind);
    const [tool, args] = write;
    const refused = await rawCall(url, provider.tokens().access_token, tool, args);
    check(`${label}: a write is refused with the scopes to ask for`, refused.status === 403
      && refused.challenge.includes(`error="insufficient_scope", scope="${server}:read ${server}:write"`),
    JSON.stringify(refused));
    let selfStepped = false;
    try {
      selfStepped = (await callTool(client, write)).ok;
    } catch (e) {
      // SDK 1.32.2 on Streamable HTTP answers the 403 by refreshing its token, which keeps the old scope, and gives up
      // on the second 403; over SSE it does not look at a 403 at all. So the app steps up with the SDK's auth().
      check(`${label}: the SDK reports the refusal`, /403/.test(e.message), e.message);
    }
    const formsBefore = people.jane.forms;
    if (!selfStepped) {
      provider.invalidateCredentials("tokens");
      await provider.signInFor(new URL(url), refused.challenge.match(/scope="([^"]+)"/)[1]);
    }
    check(`${label}: Keycloak did not ask for the password again`, people.jane.forms === formsBefore,
      `${people.jane.forms - formsBefore} login forms`);
    const written = await callTool(client, write);
    check(`${label}: the write goes through`, written.ok, written.text.slice(0, 300));
  } finally {
    await client.close();
  }
}

// Rob may only read: Keycloak leaves the write scope out of his token, so stepping up changes nothing.
async function readerStaysReader(server, url) {
  const label = `${server} SDK streamable reader`;
  const provider = new BrowserSignIn("rob", "mcp-desktop", SDK_PORT);
  const client = await connect("streamable", url, provider);
  try {
    const scopes = claims(provider.tokens().access_token).scope.split(" ");
    check(`${label}: Keycloak granted read, not write`, scopes.includes(`${server}:read`)
      && !scopes.includes(`${server}:write`), scopes.join(" "));
    check(`${label}: reads`, (await callTool(client, readCalls[server])).ok, "read refused");
    provider.invalidateCredentials("tokens");
    await provider.signInFor(new URL(url), `${server}:read ${server}:write`);
    const [tool, args] = writeCalls[server]("reader");
    const refused = await rawCall(url, provider.tokens().access_token, tool, args);
    check(`${label}: a write stays refused after asking for the write scope`, refused.status === 403
      && refused.challenge.includes('error="insufficient_scope"'), JSON.stringify(refused));
  } finally {
    await client.close();
  }
}

// A token Keycloak issued for one server is refused by another.
async function otherAudience(tokenFor, issuedFor, url) {
  const refused = await rawCall(url, tokenFor, null, null);
  check(`a token for ${issuedFor} is refused at ${url}`, refused.status === 401, JSON.stringify(refused));
}

// Access tokens of the short-lived client expire after 10 s: the server answers 401 and the SDK refreshes.
async function expiry(server, url, kind) {
  const label = `${server} SDK ${kind} expiry`;
  const provider = new BrowserSignIn("jane", "mcp-short-lived", SHORT_LIVED_PORT);
  const client = await connect(kind, url, provider);
  try {
    const first = provider.tokens().access_token;
    const expiresIn = claims(first).exp * 1000 - Date.now();
    check(`${label}: short-lived token`, expiresIn > 0 && expiresIn <= 10_000, `${expiresIn} ms`);
    await new Promise((resolve) => setTimeout(resolve, expiresIn + 1_500));
    const expired = await rawCall(url, first, null, null);
    check(`${label}: the expired token gets 401`, expired.status === 401, JSON.stringify(expired));
    const signIns = provider.signIns;
    const read = await callTool(client, readCalls[server]);
    check(`${label}: the client refreshed and the call went through`, read.ok
      && provider.tokens().access_token !== first && provider.signIns === signIns, read.text.slice(0, 300));
  } finally {
    await client.close();
  }
}

// The servers act as each person (delegated access): before any call works, the person connects their Atlassian
// account to each server (one consent per product). The connect page signs them in at Keycloak (its own client, mcp-connect; the Keycloak session carries over,
// so no password), then Atlassian (the sandbox's consent page) asks them to accept.
const atlassianLogins = { jane: ["jane.doe@example.com", "jane-pass"], rob: ["bob.martin@example.com", "bob-pass"] };

const productTitles = { jira: "Jira", confluence: "Confluence", compass: "Compass" };

async function connectAtlassian(name, server, url) {
  const label = `${server} delegated access: ${name}`;
  const provider = new BrowserSignIn(name, "mcp-desktop", SDK_PORT);
  const client = await connect("streamable", url, provider);
  try {
    const [readTool, readArgs] = readCalls[server];
    const before = await client.callTool({ name: readTool, arguments: readArgs });
    const text = before.content?.[0]?.text ?? "";
    const link = /Open (http\S+\/connect\/atlassian\?link=\S+) in your browser/.exec(text)?.[1];
    check(`${label}: a connect link before connecting`, before.isError && link !== undefined, text.slice(0, 300));
    const page = await people[name].context.newPage();
    try {
      const formsBefore = people[name].forms;
      step(`${name}'s browser opens the connect link`);
      await page.goto(link);
      if (await page.locator("#username").count() > 0) {
        people[name].forms++;
        await page.fill("#username", name);
        await page.fill("#password", people[name].password);
        await Promise.all([page.waitForLoadState("load"), page.click("#kc-login")]);
      }
      check(`${label}: signed in at Keycloak without the password again`, people[name].forms === formsBefore,
        `${people[name].forms - formsBefore} login forms`);
      await Promise.all([page.waitForURL(/atlassian-auth\/authorize/), page.click("#continue")]);
      const [email, password] = atlassianLogins[name];
      await page.fill("#email", email);
      await page.fill("#password", password);
      await Promise.all([page.waitForURL(/\/connect\/atlassian\/callback/), page.click("button[value=accept]")]);
      const heading = await page.textContent("h1");
      check(`${label}: connected`, heading === `${productTitles[server]} is connected`, heading);
    } finally {
      page.close().catch(() => {});
    }
    const after = await callTool(client, readCalls[server]);
    check(`${label}: the call now works as ${atlassianLogins[name][0]}`, after.ok, after.text.slice(0, 300));
  } finally {
    await client.close();
  }
}

// Runs one flow; a flow that fails or takes more than a minute is one failed check.
async function attempt(name, body) {
  let timer;
  step(`${name} starts`);
  try {
    await Promise.race([body(), new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result in 60 s; last steps:\n${trace.join("\n")}`)), 60_000);
    })]);
  } catch (e) {
    check(name, false, e.stack ?? e.message);
  } finally {
    clearTimeout(timer);
  }
}

try {
  for (const [server, url] of Object.entries(servers)) {
    for (const name of ["jane", "rob"]) {
      await attempt(`${server} delegated access: ${name}`, () => connectAtlassian(name, server, url));
    }
  }
  for (const [server, url] of Object.entries(servers)) {
    for (const [transport, endpoint] of [["http-only", url], ["sse-only", url + "/sse"]]) {
      await attempt(`${server} mcp-remote ${transport} sign-in`, () => mcpRemote(server, endpoint, transport));
    }
  }
  if (servers.jira) {
    for (const [transport, endpoint] of [["http-only", servers.jira], ["sse-only", servers.jira + "/sse"]]) {
      await attempt(`jira mcp-remote ${transport} narrowed sign-in`, () => mcpRemote("jira",
        `${endpoint}?toolsets=${firstSet.jira}`, transport, true));
    }
  }
  const tokens = {};
  for (const [server, url] of Object.entries(servers)) {
    for (const kind of ["streamable", "sse"]) {
      await attempt(`${server} SDK ${kind} sign-in`, async () => {
        tokens[server] = (await sdk(server, url, kind)).tokens().access_token;
      });
    }
  }
  for (const [server, url] of Object.entries(servers)) {
    for (const kind of ["streamable", "sse"]) {
      await attempt(`${server} SDK ${kind} step-up`, () => stepUp(server, url, kind));
    }
  }
  if (servers.jira) {
    await attempt("jira reader", () => readerStaysReader("jira", servers.jira));
    if (servers.confluence) {
      await attempt("audiences", async () => {
        await otherAudience(tokens.confluence, "confluence-mcp", servers.jira);
        await otherAudience(tokens.jira, "jira-mcp", servers.confluence);
      });
    }
    // both at once: each waits for its token to expire
    await attempt("jira expiry", () => Promise.all(["streamable", "sse"].map((kind) => expiry("jira", servers.jira,
      kind))));
  }
} finally {
  await browser.close();
  callbacks.forEach((server) => server.close());
}
finish();
