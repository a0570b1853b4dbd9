// %magic: what the magic system is and every magic there is, with a line about each, in
// glasspy's words (IPython's %magic prints IPython's own manual, which describes magics
// glasspy does not have). `%magic -brief` leaves out the introduction.

import type { Session } from "../session.ts";

/** One line about each of glasspy's magics, by the name as it is typed. */
const ABOUT: { [name: string]: string } = {
  "%dis": "the bytecode of a function, class, code object or expression, as dis.dis prints it",
  "%%dis": "the bytecode of the cell, as the shell compiles it, without running it",
  "%time": "runs a statement once and prints CPU and wall time",
  "%%time": "runs the cell once and prints CPU and wall time",
  "%timeit": "times a statement over many loops (-n loops, -r runs, -p digits, -q, -o)",
  "%%timeit": "times the cell over many loops; the magic's line is the setup, run once per run",
  "%who": "the names you have defined",
  "%whos": "the names you have defined, with their types and values",
  "%reset": "deletes every name you have defined (-f: without asking)",
  "%xdel": "deletes a name and the references the shell keeps to its object (-n: the name only)",
  "%xmode": "how errors are shown: Plain, Context, Verbose or Minimal",
  "%history": "the cells you have run (ranges like 1-3, -n numbers, -o outputs, -g search)",
  "%hist": "the same as %history",
  "%lsmagic": "lists the magics",
  "%magic": "this text",
  "%pinfo": "what an object is; `obj?` is the same",
  "%pinfo2": "what an object is, with its source; `obj??` is the same",
  "%stats": "after each cell, what the VM did: instructions, calls, allocations, collections",
  "%%stats": "what the VM did while this cell ran",
  "%refs": "an object's references drawn as a graph (--depth N, --back)",
  "%gc": "the cycle collector's generations; `%gc collect` runs it",
};

const INTRODUCTION = `glasspy's magics
================

Magics are commands for the shell rather than Python code. A line magic starts with %
and takes the rest of its line: \`%timeit sum(range(100))\`. A cell magic starts with %%
on the first line of a cell and takes the whole cell: \`%%dis\` shows the cell's bytecode
without running it. \`x = %timeit -o f()\` keeps what a line magic returns. \`name?\` and
\`name??\` ask what an object is. Magics are spelled as IPython spells them; %lsmagic lists
them.

`;

/** `%magic [-brief]` */
export function magic(session: Session, line: string): null {
  const brief = line.trim().startsWith("-brief");
  const about = (name: string) => `${name}:\n    ${ABOUT[name] ?? "(no description)"}\n`;
  const line_ = [...session.magics.line.keys()].sort().map((n) => about("%" + n));
  const cell = [...session.magics.cell.keys()].sort().map((n) => about("%%" + n));
  session.write(
    "stdout",
    (brief ? "" : INTRODUCTION) +
      "Line magics\n-----------\n\n" + line_.join("") +
      "\nCell magics\n-----------\n\n" + cell.join(""),
  );
  return null;
}
