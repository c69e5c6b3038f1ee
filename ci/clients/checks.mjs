// The pass/fail bookkeeping the client checks share: one line per check, a summary, and the exit code.
let passed = 0;
let failed = 0;

export function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name}: ${detail}`); }
}

// Prints "N passed, M failed" and exits 0 only when something passed and nothing failed.
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
