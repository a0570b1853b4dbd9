// TEST DOUBLE. glasspy's own VM engine behind a module that takes 1.5 s to load, so that a
// test can send requests while a fresh kernel's session is certainly still starting (the
// worker's event loop stays free meanwhile, as it is between the real modules' loads).

await new Promise((resolve) => setTimeout(resolve, 1500));

export { createEngine } from "../../runtime/shell/vm_engine.ts";
