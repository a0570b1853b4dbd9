// The frame a cell's error passes through in ipykernel. IPython runs each statement from
// its `run_code` coroutine, which catches the error and stores it on the cell's
// ExecutionResult (`result.error_in_exec`) before showing it. The traceback starts at that
// catching frame, and the frame keeps its locals, `result` among them, after it has
// returned: exception -> traceback -> run_code's frame -> result -> exception is a cycle.
// Once the next cell's result and the next error have replaced IPython's own references
// (last_execution_result, sys.last_value and sys.last_traceback), only the cycle collector
// frees it, and with it the frames the error went through and their locals.
//
// glasspy runs a statement's code object directly; when it fails, the shell sends the
// exception through this module's `run_code`, which raises it once more inside a try
// statement and keeps it on an ExecutionResult: the traceback gains the same first entry,
// the same cycle is made in the VM's heap, and the cycle collector frees it at the same
// moment. Tracebacks shown hide that entry, as IPython hides its own frames.

export const RUN_CODE_MODULE = "glasspy._run_code";

export const RUN_CODE_SOURCE = `
class ExecutionResult:
    """The part of IPython's ExecutionResult that a failed cell fills in."""

    def __init__(self):
        self.error_in_exec = None


def run_code(result):
    """Catches result.error_in_exec here; this frame (holding result) joins its traceback."""
    __tracebackhide__ = "__ipython_bottom__"
    try:
        raise result.error_in_exec
    except BaseException as caught:
        result.error_in_exec = caught
`;
