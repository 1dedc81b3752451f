/**
 * Remembers the last call: same arguments (by identity) return the same result.
 * Store selectors that derive arrays use it, so a 100k-story list is filtered
 * once per change rather than on every render, and `useSyncExternalStore` sees
 * a stable reference.
 */
export function memoLast<Args extends unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result {
  let lastArgs: Args | null = null;
  let lastResult: Result;
  return (...args: Args): Result => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((arg, i) => Object.is(arg, args[i]))) {
      return lastResult;
    }
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}
