#!/usr/bin/env bash
# usage: conformance.sh <mcp-url>...   (each server with inbound auth off, on loopback; needs Node.js 22)
# Runs the official MCP conformance suite's server scenarios that apply to a tools server, one by one, at protocol
# 2025-11-25, and fails when any check fails. The suite's other 2025-11-25 scenarios call its own fixture server's
# tools, resources and prompts by name (test_simple_text, json_schema_2020_12_tool, test://static-text, ...), which an
# Atlassian server does not have; server-sse-polling (pending) makes no checks; the 2026-07-28 scenarios need the
# stateless protocol (see docs/protocol.md).
set -uo pipefail
cd "$(dirname "$0")"
SCENARIOS=(server-initialize server-session-lifecycle ping tools-list logging-set-level dns-rebinding-protection
  server-sse-multiple-streams resources-list prompts-list)
out="${CONFORMANCE_OUT:-../../target/conformance}"
failures=0
for url in "$@"; do
  for scenario in "${SCENARIOS[@]}"; do
    if result=$(node_modules/.bin/conformance server --url "$url" --scenario "$scenario" --spec-version 2025-11-25 \
      -o "$out" 2>&1); then
      echo "ok   $url $scenario: $(grep -o 'Passed: .*' <<<"$result")"
    else
      failures=$((failures + 1))
      echo "FAIL $url $scenario:"
      echo "$result"
    fi
  done
done
echo "conformance: $(( $# * ${#SCENARIOS[@]} - failures )) passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$#" -gt 0 ]
