// Asking the real IPython (Debian's, in /usr/bin/python3) for the answer a shell rule
// should give: the tests compare glasspy's shell with IPython's own functions, run live.

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * Runs `body` in /usr/bin/python3 with `data` (JSON) bound to the name `data`; the script
 * assigns its answer to `result`, which comes back as JSON.
 */
export async function ipython<T>(
  body: string,
  data: unknown,
  interpreter = "/usr/bin/python3",
): Promise<T> {
  const script = `import sys, json, warnings
warnings.simplefilter("ignore")
data = json.loads(sys.stdin.read())
${body}
sys.stdout.write(json.dumps(result))`;
  const child = new Deno.Command(interpreter, {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(enc.encode(JSON.stringify(data)));
  await w.close();
  const out = await child.output();
  if (out.code !== 0) throw new Error(`python failed:\n${dec.decode(out.stderr)}`);
  return JSON.parse(dec.decode(out.stdout)) as T;
}
