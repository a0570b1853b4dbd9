// Counting a JUnit report: every <testcase> is a test that ran (test steps included, as
// deno writes them); one with a <failure> or <error> inside failed.

export interface Counts {
  passed: number;
  failed: number;
}

export function summarize(xml: string): Counts {
  let passed = 0;
  let failed = 0;
  const testcase = /<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(testcase)) {
    const body = m[2] ?? "";
    if (/<(failure|error)\b/.test(body)) failed++;
    else if (!/<skipped\b/.test(body)) passed++;
  }
  return { passed, failed };
}

if (import.meta.main) {
  // `deno run --allow-read tests/junit.ts FILE...`: prints `passed failed` summed over files.
  let passed = 0;
  let failed = 0;
  for (const file of Deno.args) {
    const c = summarize(Deno.readTextFileSync(file));
    passed += c.passed;
    failed += c.failed;
  }
  console.log(`${passed} ${failed}`);
}
