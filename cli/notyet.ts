// Until a layer of the VM lands, the commands that need it say so plainly.

/** Reports that `what` needs a part of glasspy that is not built yet; returns exit status 3. */
export function notBuiltYet(what: string, needs: string): number {
  console.error(`glasspy: ${what} needs ${needs}, which is not built yet`);
  return 3;
}
