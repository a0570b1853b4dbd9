// The kernel's log: lines on stderr with a level, warnings and errors only unless asked
// for more (`--log-level debug`, or GLASSPY_LOG=debug in the environment). Jupyter shows a
// kernel's stderr in its server log, which is where these lines end up.

export const LEVELS = ["error", "warning", "info", "debug"] as const;
export type Level = typeof LEVELS[number];

let threshold = LEVELS.indexOf("warning");

/** Sets the most detailed level that is written. */
export function setLogLevel(level: Level): void {
  threshold = LEVELS.indexOf(level);
}

export function isLevel(name: string): name is Level {
  return (LEVELS as readonly string[]).includes(name);
}

export function logLevel(): Level {
  return LEVELS[threshold];
}

function write(level: Level, text: string): void {
  if (LEVELS.indexOf(level) > threshold) return;
  const time = new Date().toISOString().slice(11, 23);
  console.error(`[glasspy ${time} ${level.toUpperCase()}] ${text}`);
}

export const log = {
  error: (text: string) => write("error", text),
  warning: (text: string) => write("warning", text),
  info: (text: string) => write("info", text),
  debug: (text: string) => write("debug", text),
  enabled: (level: Level) => LEVELS.indexOf(level) <= threshold,
};
