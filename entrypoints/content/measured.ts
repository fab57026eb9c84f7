/** Runs `fn` under a performance measure `nianbao:NAME`: the tests and the bench see what ran, and how often. */
export function measured<T>(name: string, fn: () => T): T {
  performance.mark(`nianbao:${name}:start`);
  try {
    return fn();
  } finally {
    performance.measure(`nianbao:${name}`, `nianbao:${name}:start`);
  }
}
