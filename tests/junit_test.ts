import { assertEquals } from "./assert.ts";
import { summarize } from "./junit.ts";

Deno.test("junit summary counts passes, failures, errors and steps, not skips", () => {
  const xml = `<testsuites><testsuite>
    <testcase name="a"></testcase>
    <testcase name="b"/>
    <testcase name="c"><failure message="x">x</failure></testcase>
    <testcase name="d"><error message="y"/></testcase>
    <testcase name="e"><skipped/></testcase>
    <testcase name="outer &gt; step"></testcase>
  </testsuite></testsuites>`;
  assertEquals(summarize(xml), { passed: 3, failed: 2 });
});
