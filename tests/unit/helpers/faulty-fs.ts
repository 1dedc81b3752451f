// A file system for writes that fails where a test says, to prove what a full
// disk or a read-only folder does, without mocking modules (STYLE.md); and one
// that lets a test act before each call (another program's write landing at
// any step of a save) and records the calls.

import { nodeWriteFs } from '../../../electron/core/fs/atomic-write';
import type { WriteFs, WriteHandle } from '../../../electron/core/fs/atomic-write';

export type FaultyCall = 'mkdir' | 'open' | 'write' | 'sync' | 'rename' | 'link';

export interface Fault {
  /** The call that fails: `write` and `sync` are on a file opened for writing. */
  call: FaultyCall;
  /** The error code, e.g. ENOSPC. */
  code: string;
  /** Only for paths containing this. Default: every path. */
  path?: string;
  /** How many times it fails before the call works again. Default: always. */
  times?: number;
}

/** `nodeWriteFs`, except for `fault`. `failures` counts how often it struck. */
export function faultyFs(fault: Fault): WriteFs & { failures: number } {
  let left = fault.times ?? Infinity;
  const failures = { count: 0 };
  const fs = hookedFs((call, file) => {
    if (call !== fault.call || left <= 0 || (fault.path !== undefined && !file.includes(fault.path))) return undefined;
    left--;
    failures.count++;
    return Promise.reject(Object.assign(new Error(`${fault.code}: injected by the test, ${call} '${file}'`), { code: fault.code }));
  });
  return Object.defineProperty(fs, 'failures', { get: () => failures.count }) as WriteFs & { failures: number };
}

/** One call through the seam: `path` is the file the call is about (a rename's or link's target); `from` its source. */
export interface FsCall {
  call: FaultyCall | 'syncdir' | 'chmod' | 'read' | 'rm';
  path: string;
  from?: string;
}

/**
 * `nodeWriteFs` that calls `before` ahead of every call (awaiting it), and
 * lists the calls in `calls`.
 */
export function recordingFs(before: (call: FsCall) => Promise<void> | void = () => undefined): WriteFs & { calls: FsCall[] } {
  const calls: FsCall[] = [];
  const fs = hookedFs(async (call, file, from) => {
    const entry: FsCall = from === undefined ? { call, path: file } : { call, path: file, from };
    calls.push(entry);
    await before(entry);
    return undefined;
  });
  return Object.assign(fs, { calls });
}

/**
 * `nodeWriteFs` with `hook` asked first at every call: it answers a promise
 * that replaces the call (a failure), or undefined to go on with the real one
 * (a promise resolving to undefined: go on once it settles).
 */
function hookedFs(
  hook: (call: FsCall['call'], file: string, from?: string) => Promise<unknown> | undefined,
): WriteFs {
  const run = async <T>(call: FsCall['call'], file: string, real: () => Promise<T>, from?: string): Promise<T> => {
    const hooked = hook(call, file, from);
    if (hooked) {
      const replaced = await hooked;
      if (replaced !== undefined) return replaced as T;
    }
    return real();
  };
  return {
    mkdir: (dir, options) => run('mkdir', dir, () => nodeWriteFs.mkdir(dir, options)),
    chmod: (file, mode) => run('chmod', file, () => nodeWriteFs.chmod(file, mode)),
    readFile: (file) => run('read', file, () => nodeWriteFs.readFile(file)),
    open: (file, flags, mode) =>
      run('open', file, async () => {
        const handle = await nodeWriteFs.open(file, flags, mode);
        const wrapped: WriteHandle = {
          writeFile: (data) => run('write', file, () => handle.writeFile(data)),
          // A folder is opened 'r' to fsync it: that is a `syncdir`, which faults on `sync` leave alone.
          sync: () => run(flags === 'wx' ? 'sync' : 'syncdir', file, () => handle.sync()),
          close: () => handle.close(),
        };
        return wrapped;
      }),
    rename: (from, to) => run('rename', to, () => nodeWriteFs.rename(from, to), from),
    link: (existing, created) => run('link', created, () => nodeWriteFs.link(existing, created), existing),
    rm: (file, options) => run('rm', file, () => nodeWriteFs.rm(file, options)),
  };
}
