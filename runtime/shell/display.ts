// Rich display, as IPython's DisplayFormatter does it: an object becomes a MIME bundle
// whose text/plain is its repr and whose other entries come from the `_repr_*_` methods
// it defines (`_repr_html_`, `_repr_svg_`, `_repr_markdown_`, `_repr_json_`, ...), or from
// `_repr_mimebundle_`.

import type { Engine, PyObject } from "./engine.ts";
import { PythonException } from "./engine.ts";
import type { MimeBundle } from "./events.ts";

/** The `_repr_*_` methods IPython's formatters call, with the MIME type each one gives. */
export const REPR_METHODS: readonly [string, string][] = [
  ["_repr_html_", "text/html"],
  ["_repr_markdown_", "text/markdown"],
  ["_repr_svg_", "image/svg+xml"],
  ["_repr_png_", "image/png"],
  ["_repr_jpeg_", "image/jpeg"],
  ["_repr_latex_", "text/latex"],
  ["_repr_json_", "application/json"],
  ["_repr_javascript_", "application/javascript"],
  ["_repr_pdf_", "application/pdf"],
];

export interface FormattedData {
  data: MimeBundle;
  metadata: { [key: string]: unknown };
}

/** Reports a formatter that raised (IPython prints its traceback and goes on). */
export type FormatErrorSink = (error: PythonException) => void;

/**
 * An object's display bundle. A failing `_repr_*_` is reported and left out. `plainText`
 * makes text/plain (IPython's pretty printer; null when it has none, and then repr() does;
 * a PythonException it throws is reported and the bundle goes without text/plain).
 */
export function formatObject(
  engine: Engine,
  obj: PyObject,
  onError: FormatErrorSink,
  plainText?: (obj: PyObject) => string | null,
): FormattedData {
  const data: MimeBundle = {};
  const metadata: { [key: string]: unknown } = {};
  const isClass = engine.typeName(obj) === "type";
  if (!isClass) {
    const bundle = callReprMethod(engine, obj, "_repr_mimebundle_", onError);
    if (bundle !== null) {
      const value = engine.asJson(bundle);
      engine.decref(bundle);
      const [d, md] = Array.isArray(value) ? value : [value, {}];
      if (isRecord(d)) Object.assign(data, d);
      if (isRecord(md)) Object.assign(metadata, md);
    }
    for (const [method, mime] of REPR_METHODS) {
      if (mime in data) continue;
      const result = callReprMethod(engine, obj, method, onError);
      if (result === null) continue;
      let value: unknown = mime === "application/json"
        ? engine.asJson(result)
        : engine.asString(result);
      if (
        Array.isArray(value) && value.length === 2 && isRecord(value[1]) &&
        mime !== "application/json"
      ) {
        // `(data, metadata)` tuples, as IPython accepts them
        metadata[mime] = value[1];
        value = value[0];
      }
      engine.decref(result);
      if (value !== null && value !== undefined) data[mime] = value;
    }
  }
  let plainFailed = false;
  if (!("text/plain" in data) && plainText !== undefined) {
    try {
      const pretty = plainText(obj);
      if (pretty !== null) data["text/plain"] = pretty;
    } catch (e) {
      // IPython's PlainTextFormatter failing: its traceback is shown and the bundle has
      // no text/plain (ipykernel then sends no execute_result)
      if (!(e instanceof PythonException)) throw e;
      onError(e);
      plainFailed = true;
    }
  }
  if (!("text/plain" in data) && !plainFailed) {
    try {
      data["text/plain"] = engine.repr(obj);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      onError(e);
    }
  }
  return { data, metadata };
}

/** obj.method() when obj has it and it is callable; null when absent or it returned None. */
function callReprMethod(
  engine: Engine,
  obj: PyObject,
  method: string,
  onError: FormatErrorSink,
): PyObject | null {
  const fn = engine.getAttr(obj, method);
  if (fn === null) return null;
  try {
    const result = engine.call(fn, []);
    if (engine.isNone(result)) {
      engine.decref(result);
      return null;
    }
    return result;
  } catch (e) {
    if (!(e instanceof PythonException)) throw e;
    onError(e);
    return null;
  } finally {
    engine.decref(fn);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
