package dev.atlmcp.sandbox.compass;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.atlmcp.sandbox.Directory;

/**
 * A catalog of 32 components across types and six owner teams, with DEPENDS_ON chains (ledger-service and
 * settlement-job depend on each other), scorecard scores, links, custom fields, and the deployments and incident around
 * the checkout latency incident. Only the Data team may change data-warehouse.
 */
final class CompassSeed {

    static final String WORKSPACE = "0f3c5a2e-7d41-4c8b-9a6e-2b1d7e4f9c30";

    static final String CHECKOUT = team("checkout");
    static final String PAYMENTS = team("payments");
    static final String PLATFORM = team("platform");
    static final String WEB = team("web");
    static final String DATA = team("data");
    static final String IDENTITY = team("identity");

    private final CompassStore store = new CompassStore();
    private final String cloudId;
    private final Instant now;

    private CompassSeed(String cloudId, Instant now) {
        this.cloudId = cloudId;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    static CompassStore seeded(String cloudId, Instant now) {
        CompassSeed seed = new CompassSeed(cloudId, now);
        seed.seed();
        return seed.store;
    }

    /** The teams owning components, with their members, as Atlassian's team API answers them. */
    private static final Map<String, Map<String, Object>> TEAMS = Map.of(
            CHECKOUT, teamJson(CHECKOUT, "Checkout", "Orders from cart to confirmation", Directory.BOB, Directory.JANE),
            PAYMENTS, teamJson(PAYMENTS, "Payments", "Authorisation, settlement and ledger", Directory.PRIYA,
                    Directory.JANE),
            PLATFORM, teamJson(PLATFORM, "Platform", "Shared infrastructure and tooling", Directory.BOB),
            WEB, teamJson(WEB, "Web", "Storefront, catalogue and search", Directory.BOB, Directory.PRIYA),
            DATA, teamJson(DATA, "Data", "Pipelines, warehouse and reporting", Directory.PRIYA),
            IDENTITY, teamJson(IDENTITY, "Identity", "Sign-in and customer accounts", Directory.JANE));

    static java.util.Optional<Map<String, Object>> teamById(String id) {
        return java.util.Optional.ofNullable(id == null ? null : TEAMS.get(id));
    }

    /** Whether the account is a member of the team. */
    @SuppressWarnings("unchecked")
    static boolean member(String teamId, String accountId) {
        return teamById(teamId).map(t -> ((List<Map<String, Map<String, Object>>>) ((Map<String, Object>) t.get(
                "members")).get("nodes")).stream().anyMatch(m -> m.get("member").get("accountId").equals(
                        accountId)))
                .orElse(false);
    }

    private static Map<String, Object> teamJson(String id, String name, String description,
            dev.atlmcp.sandbox.SandboxUser... members) {
        return Map.of("id", id, "displayName", name, "description", description, "members", Map.of(
                "nodes", java.util.Arrays.stream(members)
                        .map(m -> Map.of("member", Map.of("accountId", m.accountId(), "name", m
                                .displayName()), "role", m.equals(members[0]) ? "LEAD" : "MEMBER"))
                        .toList(),
                "pageInfo", Map.of(
                        "hasNextPage", false, "hasPreviousPage", false)));
    }

    /** Team ARIs in the form Atlassian's samples use. */
    static String team(String name) {
        return "ari:cloud:teams::team/" + UUID.nameUUIDFromBytes(("team-" + name).getBytes(StandardCharsets.UTF_8));
    }

    private void seed() {
        Component checkoutApi = c("checkout-api", "checkout-api", "SERVICE", CHECKOUT, "tier-1",
                "Takes orders from the storefront and mobile app and hands them to payments.", "checkout", "java");
        Component checkoutWeb = c("checkout-web", "checkout-web", "APPLICATION", CHECKOUT, "tier-2",
                "The checkout pages of the storefront.", "checkout", "frontend");
        Component paymentsApi = c("payments-api", "payments-api", "SERVICE", PAYMENTS, "tier-1",
                "Authorises and captures payments for orders.", "payments", "java");
        Component gateway = c("payment-gateway", "Payment Gateway", "SERVICE", PAYMENTS, "tier-1",
                "Talks to card acquirers and wallets; the only component with PCI scope.", "payments", "pci");
        Component settlement = c("settlement-job", "settlement-job", "SERVICE", PAYMENTS, "tier-2",
                "Nightly and intraday settlement of captured payments into the ledger.", "payments", "batch");
        Component ledger = c("ledger-service", "ledger-service", "SERVICE", PAYMENTS, "tier-1",
                "Double-entry ledger of all money movements.", "payments", "java");
        Component fraud = c("fraud-scoring", "fraud-scoring", "SERVICE", PAYMENTS, "tier-2",
                "Scores payments for fraud risk before authorisation.", "payments", "ml");
        Component customerApi = c("customer-api", "customer-api", "SERVICE", IDENTITY, "tier-1",
                "Customer profiles, addresses and preferences.", "identity", "java");
        Component identity = c("identity-service", "identity-service", "SERVICE", IDENTITY, "tier-1",
                "Sign-in, sessions and tokens for customers.", "identity", "security");
        Component authGateway = c("auth-gateway", "auth-gateway", "SERVICE", IDENTITY, "tier-1",
                "Validates tokens at the edge.", "identity", "edge");
        Component notifications = c("notification-service", "notification-service", "SERVICE", PLATFORM, "tier-2",
                "Sends order and account notifications.", "platform", "messaging");
        Component email = c("email-sender", "email-sender", "SERVICE", PLATFORM, "tier-3",
                "Delivers transactional email through the mail provider.", "platform", "messaging");
        Component search = c("search-service", "search-service", "SERVICE", WEB, "tier-2",
                "Product search and facets.", "web", "search");
        Component catalog = c("catalog-service", "catalog-service", "SERVICE", WEB, "tier-1",
                "Products, categories and content for the storefront.", "web", "java");
        Component inventory = c("inventory-service", "inventory-service", "SERVICE", WEB, "tier-1",
                "Stock levels and reservations.", "web", "java");
        Component pricing = c("pricing-service", "pricing-service", "SERVICE", WEB, "tier-2",
                "Prices, promotions and currency conversion.", "web", "java");
        Component storefront = c("storefront-web", "storefront-web", "APPLICATION", WEB, "tier-1",
                "The web storefront customers shop in.", "web", "frontend");
        Component mobile = c("mobile-app", "mobile-app", "APPLICATION", WEB, "tier-1",
                "iOS and Android shopping app.", "web", "mobile");
        Component admin = c("admin-console", "admin-console", "APPLICATION", PLATFORM, "tier-3",
                "Internal console for support and operations staff.", "platform", "internal");
        Component apiGateway = c("api-gateway", "api-gateway", "SERVICE", PLATFORM, "tier-1",
                "Routes public API traffic to services.", "platform", "edge");
        c("service-mesh", "service-mesh", "OTHER", PLATFORM, "tier-1",
                "mTLS and traffic policy between services.", "platform", "infrastructure");
        Component kafka = c("kafka-platform", "kafka-platform", "OTHER", PLATFORM, "tier-1",
                "Shared Kafka clusters.", "platform", "infrastructure");
        Component postgres = c("postgres-operator", "postgres-operator", "OTHER", PLATFORM, "tier-2",
                "Runs the Postgres clusters, including checkout-db.", "platform", "infrastructure");
        Component httpLib = c("http-client-lib", "http-client-lib", "LIBRARY", PLATFORM, "tier-3",
                "Shared HTTP client with retries and tracing.", "platform", "java");
        Component moneyLib = c("money-lib", "money-lib", "LIBRARY", PAYMENTS, "tier-3",
                "Money and currency types.", "payments", "java");
        c("feature-flags-lib", "feature-flags-lib", "LIBRARY", PLATFORM, "tier-3",
                "Feature flag client.", "platform", "java");
        c("observability-agent", "observability-agent", "LIBRARY", PLATFORM, "tier-3",
                "Metrics, logs and traces agent.", "platform", "observability");
        Component warehouse = c("data-warehouse", "data-warehouse", "OTHER", DATA, "tier-2",
                "Analytics warehouse.", "data", "analytics");
        Component pipeline = c("events-pipeline", "events-pipeline", "OTHER", DATA, "tier-2",
                "Streams business events into the warehouse.", "data", "streaming");
        Component recommendations = c("recommendation-engine", "recommendation-engine", "SERVICE", DATA, "tier-3",
                "Product recommendations.", "data", "ml");
        Component reporting = c("reporting-service", "reporting-service", "SERVICE", DATA, "tier-3",
                "Finance and operations reports.", "data", "analytics");
        Component audit = c("audit-log-service", "audit-log-service", "SERVICE", IDENTITY, "tier-2",
                "Tamper-evident audit log.", "identity", "security");

        depends(checkoutApi, paymentsApi, inventory, pricing, customerApi, postgres, moneyLib, httpLib);
        depends(checkoutWeb, checkoutApi);
        depends(paymentsApi, gateway, ledger, fraud, moneyLib);
        depends(gateway, ledger);
        depends(settlement, ledger, postgres);
        depends(ledger, settlement, kafka);
        depends(storefront, apiGateway, checkoutWeb);
        depends(mobile, apiGateway);
        depends(apiGateway, checkoutApi, catalog, search, authGateway);
        depends(catalog, inventory, pricing);
        depends(search, catalog);
        depends(notifications, email, kafka);
        depends(customerApi, identity);
        depends(authGateway, identity);
        depends(identity, audit);
        depends(pipeline, kafka, warehouse);
        depends(reporting, warehouse);
        depends(recommendations, pipeline, catalog);
        depends(admin, customerApi, reporting);

        for (Component component : store.all()) {
            component.links.add(new Component.Link(linkId(component, "repo"), "REPOSITORY", component.slug,
                    "https://github.com/acme/" + component.slug));
            component.fields.put("field-cost-center", "CC-" + (4100 + Math.floorMod(component.ownerId.hashCode(),
                    90)));
        }
        gateway.fields.put("field-pci-scope", true);
        checkoutApi.fields.put("field-slo-target", 99.95);
        checkoutApi.fields.put("field-architect", Directory.PRIYA.accountId());
        warehouse.restricted = true;
        fraud.childOf.add(paymentsApi);
        paymentsApi.links.add(new Component.Link(linkId(paymentsApi, "runbook"), "DOCUMENT",
                "Runbook: payments-api", "https://acme.atlassian.net/wiki/spaces/OPS/pages/131090"));
        checkoutApi.links.add(new Component.Link(linkId(checkoutApi, "runbook"), "DOCUMENT",
                "Runbook: checkout-api latency", "https://acme.atlassian.net/wiki/spaces/OPS/pages/131075"));
        checkoutApi.links.add(new Component.Link(linkId(checkoutApi, "oncall"), "ON_CALL", "Checkout on-call",
                "https://acme.app.opsgenie.com/teams/checkout"));
        checkoutApi.links.add(new Component.Link(linkId(checkoutApi, "chat"), "CHAT_CHANNEL", "#team-checkout",
                "https://acme.slack.com/archives/C0CHECKOUT"));

        deployment(settlement, "settlement-job 4.12.0", "PRODUCTION", "SUCCESSFUL", hoursAgo(5));
        deployment(settlement, "settlement-job 4.11.3", "PRODUCTION", "SUCCESSFUL", hoursAgo(80));
        deployment(checkoutApi, "checkout-api 2.31.0", "PRODUCTION", "SUCCESSFUL", hoursAgo(30));
        deployment(checkoutApi, "checkout-api 2.31.1", "STAGING", "FAILED", hoursAgo(2));
        deployment(paymentsApi, "payments-api 7.4.2", "PRODUCTION", "SUCCESSFUL", hoursAgo(50));
        incident(checkoutApi, "Checkout API p99 latency above 5s", "OPEN", "Sev 1", "1", hoursAgo(3));
        metric(checkoutApi, "deployment-frequency", "Deployment Frequency", "Deployments to production per week",
                " deploys / week", 4.5, 6, 5);
        metric(checkoutApi, "change-failure-rate", "Change Failure Rate", "Deployments that caused a failure in "
                + "production, of all deployments", "%", 12.5, 8.3, 0);
        metric(checkoutApi, "mttr", "Mean Time to Recovery", "Time from an incident's start to its resolution",
                " h", 3.2, 1.5);
        metric(checkoutApi, "unit-test-coverage", "Unit Test Coverage", "Lines covered by unit tests", "%", 78.4,
                77.9);
        metric(paymentsApi, "deployment-frequency", "Deployment Frequency", "Deployments to production per week",
                " deploys / week", 2, 3);
        incident(paymentsApi, "Elevated card declines", "RESOLVED", "Sev 3", "3", hoursAgo(200));
    }

    private Component c(String slug, String name, String type, String owner, String tier, String description,
            String... labels) {
        String id = "ari:cloud:compass:" + cloudId + ":component/" + WORKSPACE + "/" + UUID.nameUUIDFromBytes(slug
                .getBytes(StandardCharsets.UTF_8));
        Component component = new Component(id, slug, name, type, owner, description, now.minus(Duration.ofDays(
                400 - store.all().size() * 7L)));
        component.labels.add(tier);
        component.labels.addAll(List.of(labels));
        component.fields.put("field-tier", "option-" + tier);
        store.add(component);
        return component;
    }

    private static void depends(Component from, Component... to) {
        from.dependsOn.addAll(List.of(to));
    }

    private void deployment(Component component, String name, String environment, String state, Instant at) {
        component.events.add(new Component.Event("DEPLOYMENT", name, "Deployed by the delivery pipeline",
                "https://ci.acme.example/deployments/" + Math.abs(name.hashCode()), at, Map.of("state", state,
                        "environment", environment, "startedAt", at.minus(Duration.ofMinutes(6)))));
    }

    /** A metric source whose values were reported daily, newest first. */
    private void metric(Component component, String definition, String name, String description, String suffix,
            double... values) {
        List<Component.Value> reported = new java.util.ArrayList<>();
        for (int day = 0; day < values.length; day++) {
            reported.add(new Component.Value(values[day], hoursAgo(1 + 24 * day)));
        }
        component.metrics.add(new Component.Metric(component.id + "/metric-source/" + definition, name, description,
                suffix, "https://metrics.acme.example/" + component.slug + "/" + definition, reported));
    }

    private void incident(Component component, String name, String state, String label, String level, Instant at) {
        component.events.add(new Component.Event("INCIDENT", name, "Opened by the on-call alerting",
                "https://acme.app.opsgenie.com/alert/" + Math.abs(name.hashCode()), at, Map.of("state", state,
                        "severityLabel", label, "severityLevel", level, "startTime", at)));
    }

    private static String linkId(Component component, String suffix) {
        return UUID.nameUUIDFromBytes((component.slug + "-" + suffix).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Instant hoursAgo(int hours) {
        return now.minus(Duration.ofHours(hours));
    }
}
