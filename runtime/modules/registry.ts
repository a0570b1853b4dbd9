// The built-in modules glasspy provides, by name. A module is one file that calls
// registerModule at load time with a function creating the module object; modules/all.ts
// imports every such file. `import NAME` finds the module here the first time and keeps it
// in sys.modules afterwards, as CPython's built-in importer does.

import type { PyObject } from "../objects/object.ts";

export type ModuleInit = () => PyObject;

const modules = new Map<string, ModuleInit>();

/** Registers a built-in module; init returns a new reference to the module object. */
export function registerModule(name: string, init: ModuleInit): void {
  modules.set(name, init);
}

export function findModule(name: string): ModuleInit | undefined {
  return modules.get(name);
}

/** sys.builtin_module_names */
export function builtinModuleNames(): string[] {
  return [...modules.keys()].sort();
}
