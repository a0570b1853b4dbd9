/** glasspy's own version. */
export const GLASSPY_VERSION = "0.1.0";

/** The CPython release glasspy answers as. */
export const PYTHON_VERSION = "3.11.7";
