// `deno task bench`: runs each benchmark program under glasspy and under CPython 3.11 side
// by side, checks that they print the same, and prints the time ratios glasspy/CPython.
// The programs arrive with the eval loop; until then there is nothing to measure.

const dir = new URL("./programs/", import.meta.url);
let programs: string[] = [];
try {
  programs = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".py"));
} catch (e) {
  if (!(e instanceof Deno.errors.NotFound)) throw e;
}
if (programs.length === 0) console.log("bench: no benchmark programs yet");
