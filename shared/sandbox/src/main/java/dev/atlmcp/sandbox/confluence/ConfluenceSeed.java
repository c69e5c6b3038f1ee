package dev.atlmcp.sandbox.confluence;

import static dev.atlmcp.sandbox.confluence.Adf.bullets;
import static dev.atlmcp.sandbox.confluence.Adf.code;
import static dev.atlmcp.sandbox.confluence.Adf.doc;
import static dev.atlmcp.sandbox.confluence.Adf.h;
import static dev.atlmcp.sandbox.confluence.Adf.headerRow;
import static dev.atlmcp.sandbox.confluence.Adf.li;
import static dev.atlmcp.sandbox.confluence.Adf.link;
import static dev.atlmcp.sandbox.confluence.Adf.mention;
import static dev.atlmcp.sandbox.confluence.Adf.mono;
import static dev.atlmcp.sandbox.confluence.Adf.numbered;
import static dev.atlmcp.sandbox.confluence.Adf.p;
import static dev.atlmcp.sandbox.confluence.Adf.panel;
import static dev.atlmcp.sandbox.confluence.Adf.row;
import static dev.atlmcp.sandbox.confluence.Adf.status;
import static dev.atlmcp.sandbox.confluence.Adf.strong;
import static dev.atlmcp.sandbox.confluence.Adf.table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.SeedResources;

/** Realistic demo data: four spaces (one only Jane may see), page trees, runbooks, a postmortem with history. */
final class ConfluenceSeed {

    private final ConfluenceStore store = new ConfluenceStore();
    private final Flavour flavour;
    private final Instant now;

    private ConfluenceSeed(Flavour flavour, Instant now) {
        this.flavour = flavour;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    static ConfluenceStore seeded(Flavour flavour, Instant now) {
        ConfluenceSeed seed = new ConfluenceSeed(flavour, now);
        seed.seed();
        return seed.store;
    }

    private void seed() {
        SandboxUser jane = Directory.JANE;
        SandboxUser bob = Directory.BOB;
        SandboxUser priya = Directory.PRIYA;
        SandboxUser bot = Directory.BOT;
        Space eng = space("98305", "ENG", "Engineering", "How we build and run our services",
                Set.of(jane, bob, priya, bot));
        Space ops = space("98306", "OPS", "Operations", "Runbooks, on-call and postmortems", Set.of(jane, bob, bot));
        Space pay = space("98307", "PAY", "Payments", "Settlement, ledger and payment providers",
                Set.of(jane, priya, bot));
        Space hr = space("98308", "HR", "People Team", "Restricted: people operations", Set.of(jane));
        // Everyone may read the archive; only Jane may change it.
        Space archive = space("98309", "ARC", "Archive", "Retired systems, kept for reference", Set.of(jane, bob,
                priya, bot), Set.of(jane));

        page("65537", eng, null, "Engineering Home", jane, 200, doc(p("Welcome to Engineering. Start with the ",
                link("architecture overview", "/wiki/spaces/ENG/pages/65538"), " and the coding guidelines.")));
        page("65538", eng, "65537", "Architecture overview", jane, 120, doc(
                h(2, "Services"),
                table(headerRow("Service", "Owner", "Tier"), row(mono("checkout-api"), "Checkout team", "tier-1"),
                        row(mono("payments-api"), "Payments team", "tier-1"),
                        row(mono("settlement-job"), "Payments team", "tier-2")),
                h(2, "Principles"),
                bullets(li("Every service owns its database."), li("Synchronous calls only inside a region."),
                        li("Connection pools are bounded and monitored.")),
                p("Questions go to ", mention(jane), "."))).labels.add("architecture");
        page("65539", eng, "65538", "ADR-007: Bounded connection pools", bob, 30, doc(
                panel("note", p(strong("Status: "), status("DECIDED", "green"))),
                h(2, "Context"),
                p("The settlement job opened one connection per ledger row and exhausted ", mono("checkout-db"), "."),
                h(2, "Decision"),
                p("Every service sets an explicit maximum pool size and a 2 s connection timeout."))).labels.addAll(
                        List.of("adr", "database"));
        page("65540", eng, "65537", "Coding guidelines", priya, 90, SeedResources.adf("05-code-blocks-languages.json"));
        page("65541", eng, "65537", "Release checklist", bob, 60, SeedResources.adf("18-task-list-nested.json")).labels
                .add("release");

        page("131073", ops, null, "Operations Home", bob, 180, doc(p("On-call, runbooks and postmortems.")));
        Page runbooks = page("131074", ops, "131073", "Runbooks", bob, 170, doc(p("One page per alert. Keep them "
                + "short.")));
        Page runbook = page("131075", ops, "131074", "Runbook: checkout-api latency", bob, 100, checkoutRunbook(
                false));
        runbook.labels.addAll(List.of("runbook", "checkout-api"));
        revise(runbook, "Runbook: checkout-api latency", bob, 20, "Add escalation contacts", checkoutRunbook(true));
        page("131076", ops, "131074", "Runbook: settlement job backlog", priya, 80, doc(
                p("When the settlement backlog exceeds 10,000 rows, check the job's last run first."),
                code("sql", "SELECT count(*) FROM ledger_rows WHERE settled_at IS NULL;"))).labels.add("runbook");
        Page postmortem = page("131077", ops, "131073", "Postmortem: 2026-11-18 checkout latency", jane, 3, doc(
                h(2, "Summary"), p("Draft.")));
        postmortem.labels.addAll(List.of("postmortem", "incident", "checkout-api"));
        String question = store.nextContentId();
        postmortem.comments.add(comment(question, "Who owns the action to cap the settlement job's pool?", bob, 2,
                null));
        postmortem.comments.add(comment(store.nextContentId(), "Priya does; tracked in PAY-7.", jane, 1, question));
        revise(postmortem, "Postmortem: 2026-11-18 checkout latency", jane, 2, "Timeline", doc(
                h(2, "Summary"),
                p("EU checkouts failed for 47 minutes because the settlement job exhausted the checkout-db pool."),
                h(2, "Timeline")));
        revise(postmortem, "Postmortem: 2026-11-18 checkout latency", bob, 1, "Actions", doc(
                h(2, "Summary"),
                p("EU checkouts failed for 47 minutes because the settlement job exhausted the checkout-db pool."),
                h(2, "Timeline"),
                table(headerRow("Time (UTC)", "Event"), row("09:12", "p99 alert fires"),
                        row("09:20", "Settlement job paused"), row("09:59", "Latency back to normal")),
                h(2, "Actions"),
                bullets(li("OPS-2 Raise checkout-db pool size to 80"), li("PAY-2 Batch ledger writes")),
                p("Owner: ", mention(jane))));
        Page webhooks = page("131079", ops, "131074", "Runbook: payment webhooks", bob, 20, SeedResources.adf(
                "confluence/macro-runbook.json"));
        webhooks.attachments.add(new Page.Attachment("att" + store.nextContentId(), "queue-depth.png", "image/png",
                SeedResources.chartPng(), bob, daysAgo(20)));
        webhooks.attachments.add(new Page.Attachment("att" + store.nextContentId(), "consumer-lag.csv", "text/csv",
                "minute,lag_seconds\n00:00,12\n00:05,340\n00:10,910\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                bob, daysAgo(20)));
        webhooks.comments.add(new Page.Comment(store.nextContentId(), doc(p("Is this still true after the consumer "
                + "rewrite?")), AdfToStorage.render(doc(p("Is this still true after the consumer rewrite?"))), jane,
                daysAgo(2), null, "0f3c9a2e-5b7d-4e1f-8a6b-2c4d6e8f0a1b", "the consumer stalls", false));
        page("131078", ops, "131073", "On-call handbook", bob, 150,
                SeedResources.adf("10-panels-all-types.json")).labels.add("on-call");

        restrict(runbooks, "read", Set.of(), Set.of("sre"));
        restrict(runbook, "update", Set.of(jane, bob), Set.of("sre"));
        blogPost("131090", ops, "Checkout latency: what we changed after November 18", jane, 2, doc(
                p("After the ", strong("2026-11-18"), " incident we capped the settlement job's pool at 20 "
                        + "connections and raised checkout-db's to 80."),
                h(2, "What is next"),
                bullets(li("Batch ledger writes (PAY-2)."), li("Alert on pool saturation, not only latency.")),
                p("Questions to ", mention(jane), "."))).labels.addAll(List.of("incident", "checkout-api"));
        blogPost("196650", pay, "Settlement cut-over plan", priya, 4, doc(p("We switch settlement to the new ledger "
                + "on January 12; the old job stays paused for a week.")));
        blogPost("65550", eng, "Platform update: December", bob, 6, doc(p("Java 25 base images are available; "
                + "services move over in January.")));

        page("196609", pay, null, "Payments Home", priya, 190, doc(p("Payments engineering.")));
        page("196610", pay, "196609", "Settlement job design", priya, 45, SeedResources.adf(
                "20-expand-and-nested-expand.json")).labels.add("design");
        page("196611", pay, "196609", "Ledger schema", priya, 70, SeedResources.adf("08-table-header-row.json"));

        page("262145", hr, null, "People Team Home", jane, 300, doc(p("Restricted space.")));
        page("262146", hr, "262145", "Compensation bands 2027", jane, 10, doc(p("Confidential: salary bands per "
                + "level."))).labels.add("confidential");

        page("327681", archive, null, "Archive Home", jane, 400, doc(p("Pages of retired systems.")));
        Page legacy = page("327682", archive, "327681", "Legacy payments API", jane, 365, doc(h(2, "Status"), p(
                "Retired in 2025; kept for audits.")));
        legacy.comments.add(comment(store.nextContentId(), "Can we delete this yet?", bob, 100, null));
    }

    /** The checkout-api runbook; the revision adds a symptom and the Payments escalation contact. */
    private static JsonNode checkoutRunbook(boolean revised) {
        JsonNode symptoms = revised
                ? bullets(li("p99 latency above 5 s on ", mono("checkout-api")),
                        li("HikariCP pool at 50/50 active: database connection exhaustion"),
                        li("Settlement job running"))
                : bullets(li("p99 latency above 5 s on ", mono("checkout-api")),
                        li("HikariCP pool at 50/50 active: database connection exhaustion"));
        JsonNode escalation = revised
                ? table(headerRow("Role", "Who"), row("Incident commander", mention(Directory.JANE)), row("Database",
                        mention(Directory.BOB)), row("Payments", mention(Directory.PRIYA)))
                : table(headerRow("Role", "Who"), row("Incident commander", mention(Directory.JANE)), row("Database",
                        mention(Directory.BOB)));
        return doc(panel("warning", p("Page the incident commander if the p99 stays above 5 s for 10 minutes.")),
                h(2, "Symptoms"), symptoms,
                h(2, "Diagnose"),
                code("bash", "kubectl -n checkout logs deploy/checkout-api | grep -c 'Connection is not available'"),
                h(2, "Mitigate"),
                numbered(li("Scale ", mono("checkout-api"), " to 6 replicas."), li("Pause the settlement job."),
                        li("Raise the pool size only after the job is paused.")),
                h(2, "Escalation"), escalation);
    }

    private Space space(String id, String key, String name, String description, Set<SandboxUser> viewers) {
        return space(id, key, name, description, viewers, viewers);
    }

    private Space space(String id, String key, String name, String description, Set<SandboxUser> viewers,
            Set<SandboxUser> editors) {
        Space space = new Space(id, key, name, description, viewers, editors);
        store.add(space);
        return space;
    }

    private Page page(String id, Space space, String parentId, String title, SandboxUser author, int daysAgo,
            JsonNode adf) {
        Page page = new Page(id, space, parentId, author, daysAgo(daysAgo));
        page.versions.add(version(1, title, adf, author, daysAgo(daysAgo), ""));
        store.add(page);
        return page;
    }

    private Page blogPost(String id, Space space, String title, SandboxUser author, int daysAgo, JsonNode adf) {
        Page post = new Page(id, Page.BLOG_POST, space, null, author, daysAgo(daysAgo));
        post.versions.add(version(1, title, adf, author, daysAgo(daysAgo), ""));
        store.add(post);
        return post;
    }

    private static void restrict(Page page, String operation, Set<SandboxUser> users, Set<String> groups) {
        page.restrictions.put(operation, new Page.Restriction(users, groups));
    }

    private Page.Comment comment(String id, String text, SandboxUser author, int daysAgo, String parentId) {
        JsonNode adf = doc(p(text));
        return new Page.Comment(id, adf, AdfToStorage.render(adf), author, daysAgo(daysAgo), parentId, null, null,
                false);
    }

    private void revise(Page page, String title, SandboxUser author, int daysAgo, String message, JsonNode adf) {
        page.versions.add(version(page.versions.size() + 1, title, adf, author, daysAgo(daysAgo), message));
    }

    private Page.Version version(int number, String title, JsonNode adf, SandboxUser author, Instant at,
            String message) {
        String storage = flavour == Flavour.CLOUD ? AdfToStorage.render(adf)
                : AdfToStorage.render(adf, id -> "<ri:user ri:userkey=\"" + Directory.find(id).map(
                        SandboxUser::key).orElse(id) + "\" />");
        return new Page.Version(number, title, adf, storage, author, at, message);
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }
}
