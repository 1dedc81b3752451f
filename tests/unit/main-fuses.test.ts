// The packaged app's fuses and asar layout, read from electron-builder.yml: the
// binary cannot be packaged on CI, so the configuration is what CI can hold to.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  asar?: boolean;
  asarUnpack?: string[];
  electronFuses?: Record<string, unknown>;
};

describe('electron-builder.yml', () => {
  it('flips every fuse Ponder can do without', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names each fuse the way the installed electron-builder spells it', () => {
    // A misspelt key would be ignored by a lenient reader and leave the fuse at its default.
    const scheme = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });

  it('packs the app into app.asar and unpacks everything the index worker loads with plain Node', () => {
    expect(config.asar).toBe(true);
    // Follow the built worker's requires: each file and package it reaches must sit outside the archive.
    const { files, packages } = workerClosure(path.join(ROOT, 'out/main/index-worker.js'));
    expect(packages).toContain('lunr');
    for (const file of files) expect(unpacked(file), `${file} must be in asarUnpack`).toBe(true);
    for (const name of packages) expect(unpacked(`node_modules/${name}/index.js`), `node_modules/${name} must be in asarUnpack`).toBe(true);
  });

  it('unpacks everything the library worker loads with plain Node', () => {
    const { files, packages } = workerClosure(path.join(ROOT, 'out/main/library-worker.js'));
    expect(files).toContain('out/main/library-worker.js');
    for (const file of files) expect(unpacked(file), `${file} must be in asarUnpack`).toBe(true);
    for (const name of packages) expect(unpacked(`node_modules/${name}/index.js`), `node_modules/${name} must be in asarUnpack`).toBe(true);
  });
});

/** Whether an asarUnpack pattern (a path, or a folder with `/**`) covers `file` (relative to the root). */
function unpacked(file: string): boolean {
  return (config.asarUnpack ?? []).some((pattern) =>
    pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : file === pattern,
  );
}

/** The built files (relative, POSIX) and the packages a bundled CommonJS file loads, transitively. */
function workerClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    if (files.has(relative)) return;
    files.add(relative);
    const code = readFileSync(file, 'utf8');
    for (const [, request] of code.matchAll(/(?:\brequire|createRequire\)\(__filename\))\("([^"]+)"\)/g)) {
      if (request!.startsWith('node:')) continue;
      if (request!.startsWith('.')) visit(path.resolve(path.dirname(file), request!));
      else packages.add(request!.split('/')[0]!);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}
