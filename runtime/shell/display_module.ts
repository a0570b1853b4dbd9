// IPython.display for notebooks written for IPython: `display` (which returns a
// DisplayHandle when given a display_id), `update_display`, `clear_output`, and the display
// objects lessons use (HTML, Markdown, SVG, Latex, JSON, Javascript, Pretty), whose
// text/plain reads `<IPython.core.display.HTML object>` as in IPython. It is Python run in
// the session's VM; the publishing itself is done by the shell's native functions
// `_display`, `_clear_output` and `_new_display_id`, bound before this source runs.

export const DISPLAY_MODULE = "IPython.display";

export const DISPLAY_SOURCE = `
import builtins


def _show(objs, options, display_id, update):
    if display_id is not None:
        options["display_id"] = display_id
    if update:
        options["update"] = True
    shown_as = _display(*objs, **options)
    return None if shown_as is None else DisplayHandle(shown_as)


def display(*objs, **options):
    """Shows each object as rich output (a MIME bundle) in the cell's output area."""
    return _show(objs, options, None, False)


def update_display(obj, *, display_id, **options):
    """Replaces the output that display(..., display_id=display_id) made."""
    _show((obj,), options, display_id, True)


def clear_output(wait=False):
    """Clears the cell's output now, or (wait=True) when the next output comes."""
    _clear_output(wait)


class DisplayHandle:
    """What display(..., display_id=...) returns: a way back to that output."""

    def __init__(self, display_id=None):
        self.display_id = _new_display_id() if display_id is None else display_id

    def __repr__(self):
        return f"<{type(self).__name__} display_id={self.display_id}>"

    def display(self, obj, **options):
        _show((obj,), options, self.display_id, False)

    def update(self, obj, **options):
        _show((obj,), options, self.display_id, True)


class DisplayObject:
    """Data shown under one MIME type: its class says which (the _answers attribute)."""

    _answers = None
    _text_only = False

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if url is not None or filename is not None:
            raise NotImplementedError("glasspy reads no files or URLs: give the data itself")
        if self._text_only and data is not None and type(data) is not str:
            raise TypeError(f"{type(self).__name__} expects text, not {data!r}")
        self.data, self.url, self.filename = data, url, filename
        self.metadata = {} if metadata is None else metadata

    def __repr__(self):
        kind = type(self)
        return f"<{kind.__module__}.{kind.__name__} object>"

    def _bundle_part(self):
        return (self.data, dict(self.metadata)) if self.metadata else self.data


def _kind(name, method, text_only):
    """A DisplayObject class answering method (a _repr_*_ name) with its data."""
    cls = type(name, (DisplayObject,), {"_answers": method, "_text_only": text_only})
    if method is not None:
        setattr(cls, method, lambda self: self._bundle_part())
    cls.__module__ = "IPython.core.display"
    return cls


TextDisplayObject = _kind("TextDisplayObject", None, True)
HTML = _kind("HTML", "_repr_html_", True)
Markdown = _kind("Markdown", "_repr_markdown_", True)
Latex = _kind("Latex", "_repr_latex_", True)
SVG = _kind("SVG", "_repr_svg_", False)
JSON = _kind("JSON", "_repr_json_", False)
Javascript = _kind("Javascript", "_repr_javascript_", True)
Pretty = _kind("Pretty", None, True)
Pretty._repr_pretty_ = lambda self, printer, cycle: printer.text(self.data)
DisplayObject.__module__ = "IPython.core.display"

builtins.display = display
`;
