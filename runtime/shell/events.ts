// What a session tells the world while it runs a cell. The kernel turns each event into an
// iopub message (the field names are the Jupyter spec's); the REPL prints them.

/** A MIME bundle: `{"text/plain": "...", "text/html": "..."}` */
export type MimeBundle = { [mime: string]: unknown };

export type ShellEvent =
  /** The cell is about to run as In[execution_count] (not sent for silent cells). */
  | { type: "execute_input"; code: string; execution_count: number }
  /** Text written to sys.stdout or sys.stderr. */
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  /** sys.stdout.flush() or sys.stderr.flush(): the stream's text so far is to be shown now. */
  | { type: "flush"; name: "stdout" | "stderr" }
  /** display(obj) and friends. */
  | {
    type: "display_data";
    data: MimeBundle;
    metadata: { [key: string]: unknown };
    transient: { display_id?: string };
  }
  /** display(obj, display_id=..., update=True) */
  | {
    type: "update_display_data";
    data: MimeBundle;
    metadata: { [key: string]: unknown };
    transient: { display_id: string };
  }
  /** The value of the cell's trailing expression, as Out[execution_count]. */
  | {
    type: "execute_result";
    execution_count: number;
    data: MimeBundle;
    metadata: { [key: string]: unknown };
  }
  /** The cell raised: CPython's traceback lines. */
  | { type: "error"; ename: string; evalue: string; traceback: string[] }
  /** clear_output(wait=...) */
  | { type: "clear_output"; wait: boolean };

export type EventSink = (event: ShellEvent) => void;
