// usage: node smoke.mjs jira=<mcp-url> confluence=<mcp-url> compass=<mcp-url>   (env TOKEN)
// For each server, over Streamable HTTP and over legacy SSE: list the tools and call each one on the seeded data.
// ./demo runs the servers with delegated access: the person of TOKEN has connected Atlassian to each (connect.mjs)
// before this runs, and connect.mjs calls the *_disconnect_atlassian tools, which would end that.
// Arguments may be a function of the answers seen so far in the session (e.g. a change id to undo).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { check, finish } from "./checks.mjs";

const expectations = {
  jira: [
    ["jira_get_issue", { issue_key: "OPS-1" },
      (t) => t.startsWith("# OPS-1: Checkout API p99 latency") && t.includes("## Comments (3)")],
    ["jira_search", { jql: "project = OPS ORDER BY key ASC", limit: 2 },
      (t) => t.includes("| OPS-1 |") && t.includes("cursor=")],
    ["jira_whoami", {}, (t) => t.startsWith("# Who you are")
      && t.includes("Jira calls use the Atlassian account you connected")],
    ["jira_list_projects", {}, (t) => t.includes("| OPS | Operations |")],
    ["jira_list_boards", { project: "OPS" }, (t) => t.includes("| 1 | OPS board | scrum | OPS |")],
    ["jira_list_sprints", { board_id: "1" }, (t) => t.includes("| 11 | OPS Sprint 42 | active |")],
    ["jira_get_sprint_issues", { sprint_id: "11" }, (t) => t.includes("| OPS-1 |")],
    ["jira_move_to_sprint", { issue_keys: ["OPS-6"], sprint_id: "12" }, (t) => t.startsWith("Moved OPS-6 to sprint 12.")],
    ["jira_get_project", { project: "OPS" }, (t) => t.startsWith("# OPS: Operations")],
    ["jira_add_watcher", { issue_key: "OPS-5", person: "bob.martin@example.com" }, (t) => t.includes(" watches OPS-5.")],
    ["jira_add_worklog", { issue_key: "OPS-5", time_spent: "15m", comment: "Smoke test." },
      (t) => t.startsWith("Done: 15m logged on OPS-5.")],
    ["jira_add_remote_link", { issue_key: "OPS-5", url: "https://example.com/smoke", title: "Smoke test" },
      (t) => t.startsWith("Done: OPS-5 links to https://example.com/smoke.")],
    ["jira_add_attachment", { issue_key: "OPS-5", filename: "smoke.txt", text: "Smoke test." },
      (t) => t.startsWith("Done: smoke.txt attached to OPS-5.")],
    ["jira_list_versions", { project: "WEB" }, (t) => t.includes("| storefront 3.5 | 10101 | unreleased |")],
    ["jira_list_service_desks", {}, (t) => t.includes("| HELP | IT Help Desk | 1 |")],
    ["jira_get_request_types", { service_desk: "HELP", request_type: "Request new software" },
      (t) => t.includes("| Software | customfield_10070 | yes | Figma, IntelliJ IDEA, Slack |")],
    ["jira_get_queue", { service_desk: "HELP", queue: "All open" }, (t) => t.includes("| HELP-1 | VPN drops every 10 minutes")],
    ["jira_get_request", { issue_key: "HELP-1" }, (t) => t.includes("| Time to first response | met |")],
    ["jira_create_request", { service_desk: "HELP", request_type: "Get IT help", summary: "Smoke test request" },
      (t) => /^Raised HELP-\d+: a 'Get IT help' request in service desk HELP: Smoke test request\./.test(t)],
    ["jira_add_request_comment", { issue_key: "HELP-1", body: "Smoke test note.", visibility: "internal" },
      (t) => t.startsWith("Added an internal note ")],
    ["jira_search_assets", { aql: "objectType = Server" }, (t) => t.includes("| ITA-3 | prod-eu-app-07 | Server |")],
    ["jira_get_asset", { object: "ITA-1" }, (t) => t.includes("- Runs on: prod-eu-app-07 (ITA-3, Server)")],
    ["jira_get_issue_assets", { issue_key: "OPS-1" }, (t) => t.startsWith("Assets connected to OPS-1: 3 objects")],
    ["jira_create_version", () => ({ project: "OPS", name: `smoke ${Date.now()}` }),
      (t) => /^Created version smoke \d+ \(id \d+\) in OPS\./.test(t)],
    ["jira_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.jira_create_version)[1] }),
      (t) => t.startsWith("Done: undo OPS~")],
    ["jira_get_development_info", { issue_key: "WEB-1" }, (t) => t.includes("| #412 | WEB-1: keep the EMEA return URL through SSO | OPEN |")],
    ["jira_get_release_notes", { project: "WEB", version: "storefront 3.5" }, (t) => t.includes("## Story (2)")],
    ["jira_search_fields", { query: "story points" }, (t) => t.includes("| customfield_10016 | Story Points |")],
    ["jira_get_create_fields", { project: "OPS", issue_type: "Incident" }, (t) => t.includes("| Severity | required |")],
    ["jira_assign_issue", { issue_key: "OPS-7", assignee: "jane.doe@example.com" },
      (t) => t.startsWith("Changed Assignee of OPS-7.")],
    ["jira_get_attachments", { issue_key: "OPS-1" }, (t) => t.includes("| checkout-errors.csv | text/csv |")],
    ["jira_read_attachment", (seen) => ({ issue_key: "OPS-1",
      attachment_id: /\| (\d+) \| checkout-errors\.csv \|/.exec(seen.jira_get_attachments)[1] }),
      (t) => t.includes("00:12,44,7300")],
    ["jira_get_changelog", { issue_key: "OPS-1" }, (t) => t.startsWith("# Changes to OPS-1 (oldest first)")],
    ["jira_get_comments", { issue_key: "OPS-1", limit: 2 }, (t) => t.startsWith("# Comments on OPS-1\n2 comments of ")],
    ["jira_find_users", { query: "jane" }, (t) => t.includes("| Jane Doe | 5b10ac8d82e05b22cc7d4ef5 |")],
    ["jira_add_comment", { issue_key: "OPS-5", body: "Smoke test: **queue drained**." },
      (t) => /^Added comment \d+ to OPS-5 as /.test(t)],
    ["jira_edit_comment", (seen) => ({ issue_key: "OPS-5", comment_id: /^Added comment (\d+)/.exec(seen.jira_add_comment)[1],
      body: "Smoke test: queue **drained**, edited." }), (t) => t.startsWith("Edited comment ")],
    ["jira_create_issue", { project: "OPS", issue_type: "Task", summary: "Smoke test task", description: "**Safe** to retry." },
      (t) => /^Created OPS-\d+, a Task in OPS/.test(t) || /^OPS-\d+ already exists: an identical earlier request/.test(t)],
    ["jira_update_issue", { issue_key: "OPS-7", fields: { Priority: "High" }, labels_add: ["smoke"] },
      (t) => t.startsWith("Changed Priority, Labels of OPS-7.\nChange id: OPS-7~")],
    ["jira_list_my_agent_changes", {}, (t) => t.includes("| jira_update_issue | change Priority, Labels of OPS-7 |")],
    ["jira_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.jira_update_issue)[1] }),
      (t) => t.startsWith("Done: undo OPS-7~")],
    ["jira_get_transitions", { issue_key: "OPS-7" }, (t) => t.includes("| 51 | Back to progress | In Progress |")],
    ["jira_transition_issue", { issue_key: "OPS-7", transition: "In Progress" },
      (t) => t.startsWith("Moved OPS-7 from In Review to In Progress.")],
    ["jira_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.jira_transition_issue)[1] }),
      (t) => t.startsWith("Done: undo OPS-7~") && t.includes("move OPS-7 back to In Review")],
    ["jira_list_link_types", {}, (t) => t.includes("| Blocks | blocks | is blocked by |")],
    ["jira_link_issues", { issue_key: "OPS-5", relation: "relates to", other_issue_key: "OPS-6" },
      (t) => t.startsWith("Linked: OPS-5 relates to OPS-6.")],
    ["jira_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.jira_link_issues)[1] }),
      (t) => t.startsWith("Done: undo OPS-5~")],
    ["jira_create_issues", { project: "OPS", issue_type: "Task", issues: [{ summary: "Smoke test batch item" }] },
      (t) => /^Created [01], already existed [01], failed 0\./.test(t)],
  ],
  confluence: [
    ["confluence_get_page", { page_id: "131075" },
      (t) => t.startsWith("# Runbook: checkout-api latency") && t.includes("```bash")],
    ["confluence_search", { query: "settlement", space: "OPS" },
      (t) => t.includes("| 131076 | Runbook: settlement job backlog |")],
    ["confluence_whoami", {},
      (t) => t.startsWith("# Who you are") && t.includes("Confluence calls use the Atlassian account you connected")],
    ["confluence_add_comment", { page_id: "131075", body: "Smoke test: steps **verified**." },
      (t) => /^Added comment \d+ to page 131075 /.test(t)],
    ["confluence_get_page", { page_id: "131079" }, (t) => t.includes("```adf")],
    ["confluence_update_page", (seen) => ({
      page_id: "131079",
      body: /\n⟦data [^\n]*\n([\s\S]*)\n⟦\/data⟧/.exec(seen.confluence_get_page)[1].replace("10 minutes", "15 minutes"),
      version: Number(/ · version (\d+)/.exec(seen.confluence_get_page)[1]),
    }), (t) => /^Updated page 131079 \(Runbook: payment webhooks\) to version \d+\.\nChange id: 131079~/.test(t)],
    ["confluence_list_my_agent_changes", {}, (t) => t.includes("| confluence_update_page | update page 131079 ")],
    ["confluence_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.confluence_update_page)[1] }),
      (t) => t.startsWith("Done: undo 131079~")],
    ["confluence_update_section", { page_id: "131079", heading: "Steps", body: "1. Drain the queue\n2. Restart" },
      (t) => /^Updated page 131079 \(Runbook: payment webhooks\) to version \d+\./.test(t)],
    ["confluence_append_to_page", { page_id: "131079", body: "Smoke test: appended." },
      (t) => /^Updated page 131079 \(Runbook: payment webhooks\) to version \d+\./.test(t)],
    ["confluence_list_spaces", {}, (t) => t.includes("| OPS | Operations | 131073 |")],
    ["confluence_get_space", { space: "OPS" }, (t) => t.startsWith("# Space OPS") && t.includes("- Runbooks (131074)")],
    ["confluence_get_page_tree", { page_id: "131074", depth: 1 }, (t) => t.includes("(131079)")],
    ["confluence_create_page", { space: "OPS", title: "Smoke test page", body: "Created by the smoke test.", parent_id: "131074" },
      (t) => /^(Created page \d+|Page \d+ \(Smoke test page\) already exists)/.test(t)],
    ["confluence_add_labels", { page_id: "131076", labels: ["smoke"] },
      (t) => t.startsWith("Added smoke to page 131076") || t.startsWith("Nothing to add")],
    ["confluence_get_labels", { page_id: "131076" }, (t) => t.includes("smoke")],
    ["confluence_get_page_versions", { page_id: "131075" }, (t) => t.includes("| Add escalation contacts |")],
    ["confluence_get_page_diff", { page_id: "131075", from_version: 1, to_version: 2 },
      (t) => t.includes("+- Settlement job running")],
    ["confluence_get_comments", { page_id: "131077" }, (t) => t.includes("↳ reply to ")],
    ["confluence_add_inline_comment", { page_id: "131076", selection: "last run", body: "Smoke test: which run?" },
      (t) => t.startsWith("Added inline comment ")],
    ["confluence_get_attachments", { page_id: "131079" }, (t) => t.includes("| consumer-lag.csv |")],
    ["confluence_read_attachment", { page_id: "131079", attachment_id: "consumer-lag.csv" }, (t) => t.includes("00:10,910")],
    // a page refuses a second file of the same name: one name per run over each transport
    ["confluence_add_attachment", () => ({ page_id: "131079", filename: `smoke-${Date.now()}.txt`, text: "Smoke test." }),
      (t) => /^Done: smoke-\d+\.txt attached to page 131079/.test(t)],
    ["confluence_find_users", { query: "mart" }, (t) => t.includes("| Bob Martin |")],
    ["confluence_get_blog_post", { blog_post_id: "131090" },
      (t) => t.startsWith("# Checkout latency: what we changed after November 18\nBlog post 131090")],
    ["confluence_get_page_restrictions", { page_id: "131075" },
      (t) => t.includes("- View, inherited from page 131074 (Runbooks): group sre")],
    ["confluence_move_page", { page_id: "131077", parent_id: "131078" },
      (t) => t.startsWith("Moved page 131077 (Postmortem: 2026-11-18 checkout latency) under page 131078")],
    ["confluence_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.confluence_move_page)[1] }),
      (t) => t.startsWith("Done: undo 131077~")],
    ["confluence_copy_page", () => ({ page_id: "131078", parent_id: "131073", title: `Smoke copy ${Date.now()}` }),
      (t) => /^Copied page 131078 \(On-call handbook\) to page \d+ \(Smoke copy \d+\)/.test(t)],
  ],
  compass: [
    ["compass_get_component", { component: "checkout-api" },
      (t) => t.startsWith("# checkout-api\nService") && t.includes("[Runbook: checkout-api latency]")],
    ["compass_search_components", { query: "payment" }, (t) => t.includes("| Payment Gateway | Service |")],
    ["compass_get_dependencies", { component: "payment-gateway", direction: "upstream", depth: 2 },
      (t) => t.includes("- Payment Gateway\n  - payments-api\n    - checkout-api")],
    ["compass_get_metrics", { component: "checkout-api" }, (t) => t.includes("| Change Failure Rate | 12.5% |")],
    ["compass_record_deployment", { component: "checkout-api", name: "checkout-api smoke", url: "https://ci.acme.example/smoke" },
      (t) => t.startsWith("Recorded the successful deployment checkout-api smoke to production on checkout-api.")],
    ["compass_get_events", { component: "checkout-api", types: "incident" },
      (t) => t.includes("| incident | Checkout API p99 latency above 5s | OPEN | Sev 1 |")],
    ["compass_list_component_types", {}, (t) => t.includes("| SERVICE | Service |")],
    ["compass_who_owns", { component: "customer-api" }, (t) => t.includes("Owner team: Identity (")],
    ["compass_update_component", { component: "checkout-api", description: "Smoke test: owns the order flow." },
      (t) => t.startsWith("Updated description of checkout-api.\nChange id: ")],
    ["compass_list_my_agent_changes", {}, (t) => t.startsWith("Compass has no place to keep a list")],
    ["compass_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.compass_update_component)[1] }),
      (t) => t.startsWith("Done: the description of checkout-api is back to its previous value.")],
    ["compass_get_scorecards", { component: "payments-api" },
      (t) => t.includes("| Security baseline | recommended | 25/100 | failing |")],
    ["compass_list_custom_fields", {}, (t) => t.includes("| Tier | single select | tier-1, tier-2, tier-3 |")],
    ["compass_create_custom_field", () => ({ name: `Smoke field ${Date.now()}`, type: "TEXT" }),
      (t) => /^Created the text custom field Smoke field \d+ \(id /.test(t)],
    ["compass_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.compass_create_custom_field)[1] }),
      (t) => /^Done: deleted the custom field Smoke field \d+; no component had a value of it\./.test(t)],
    ["compass_my_components", { limit: 50 }, (t) => t.includes("| checkout-api |") && t.includes("| customer-api |")],
    ["compass_create_component", { name: "Smoke Service", description: "Created by the smoke test." },
      (t) => t.startsWith("Created Smoke Service (slug smoke-service") || t.startsWith("Already exists")],
    ["compass_add_labels", { component: "checkout-api", labels: ["smoke"] },
      (t) => t.startsWith("Added the labels smoke to checkout-api.\nChange id: ")],
    ["compass_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.compass_add_labels)[1] }),
      (t) => t.startsWith("Done: removed the labels smoke from checkout-api.")],
    ["compass_add_link", { component: "payments-api", type: "DASHBOARD", url: "https://grafana.acme.example/d/pay" },
      (t) => t.startsWith("Added the dashboard link https://grafana.acme.example/d/pay to payments-api.")],
    ["compass_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.compass_add_link)[1] }),
      (t) => t.startsWith("Done: removed the link https://grafana.acme.example/d/pay")],
    ["compass_create_relationship", { component: "checkout-web", target: "customer-api" },
      (t) => t.startsWith("Recorded: checkout-web depends on customer-api.")],
    ["compass_undo_change", (seen) => ({ change_id: /Change id: (\S+)/.exec(seen.compass_create_relationship)[1] }),
      (t) => t.startsWith("Done: Compass no longer records that checkout-web depends on customer-api.")],
  ],
};

const headers = { Authorization: `Bearer ${process.env.TOKEN}` };
const calledElsewhere = { jira: ["jira_disconnect_atlassian"], confluence: ["confluence_disconnect_atlassian"],
  compass: ["compass_disconnect_atlassian"] };

async function run(server, label, transport) {
  const client = new Client({ name: "smoke-client", version: "1.0.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  const expected = [...new Set([...expectations[server].map(([tool]) => tool), ...calledElsewhere[server]])].sort();
  check(`${server} ${label} tools/list`, names.join(",") === expected.join(","), names.join(","));
  const seen = {};
  // a fourth element "error" marks a call whose answer is a tool error by design
  for (const [tool, args, ok, outcome] of expectations[server]) {
    const result = await client.callTool({ name: tool, arguments: typeof args === "function" ? args(seen) : args });
    const text = result.content?.[0]?.text ?? "";
    seen[tool] = text;
    check(`${server} ${label} ${tool}`, !result.isError === (outcome !== "error") && ok(text), text.slice(0, 300));
  }
  await client.close();
}

for (const arg of process.argv.slice(2)) {
  const [server, url] = arg.split("=");
  if (!expectations[server]) {
    check(`server '${server}'`, false, "unknown (use jira=, confluence= or compass=)");
    continue;
  }
  try {
    await run(server, "streamable-http", new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
    await run(server, "sse", new SSEClientTransport(new URL(url + "/sse"), { requestInit: { headers } }));
  } catch (e) {
    check(server, false, e);
  }
}
finish();
