// A file system for writes that fails where a test says, to prove what a full
// disk or a read-only folder does, without mocking modules (STYLE.md).

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
  const fs = {
    failures: 0,
    mkdir: (dir: string, options: { recursive: true }) => strike('mkdir', dir) ?? nodeWriteFs.mkdir(dir, options),
    open: async (file: string, flags: 'wx' | 'r') => {
      const failed = strike('open', file);
      if (failed) return failed;
      const handle = await nodeWriteFs.open(file, flags);
      const wrapped: WriteHandle = {
        writeFile: (data) => strike('write', file) ?? handle.writeFile(data),
        sync: () => (flags === 'wx' ? strike('sync', file) : undefined) ?? handle.sync(),
        close: () => handle.close(),
      };
      return wrapped;
    },
    rename: (from: string, to: string) => strike('rename', to) ?? nodeWriteFs.rename(from, to),
    link: (existing: string, created: string) => strike('link', created) ?? nodeWriteFs.link(existing, created),
    rm: (file: string, options: { force: true }) => nodeWriteFs.rm(file, options),
  };
  function strike(call: FaultyCall, file: string): Promise<never> | undefined {
    if (call !== fault.call || left <= 0 || (fault.path !== undefined && !file.includes(fault.path))) return undefined;
    left--;
    fs.failures++;
    return Promise.reject(Object.assign(new Error(`${fault.code}: injected by the test, ${call} '${file}'`), { code: fault.code }));
  }
  return fs;
}
