// What the installers would ship, checked without shipping: electron-builder packs the built
// app for Linux as a folder (the `dir` target, what `electron-builder --dir` makes), and the test
// reads the resulting app.asar with @electron/asar. There is no Electron binary on this machine,
// so `electronDist` points at a stand-in folder holding a fake `electron` executable: the same
// packing, filtering and asar code runs as for a real build, offline. Needs out/ built first
// (`npx electron-vite build`; npm test builds before the unit tests).

import { extractAll, listPackage } from '@electron/asar';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Arch, Platform, build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const BUILT = ['out/main/index.js', 'out/main/index-worker.js', 'out/main/library-worker.js', 'out/preload/index.js', 'out/renderer/index.html'];

describe('the packaged app (electron-builder --dir, Linux)', () => {
  let tmp = '';
  let resources = '';
  let appOutDir = '';
  let files: string[] = [];

  beforeAll(async () => {
    const missing = BUILT.filter((file) => !existsSync(path.join(ROOT, file)));
    if (missing.length > 0) {
      throw new Error(`Ponder: the app is not built (no ${missing.join(', ')}). Run \`npx electron-vite build\` first.`);
    }
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ponder-package-'));
    const standIn = path.join(tmp, 'electron-dist');
    await mkdir(standIn);
    // electron-builder copies this folder as the Electron runtime and renames `electron` to the
    // app's executable; nothing here ever runs it.
    await writeFile(path.join(standIn, 'electron'), '#!/bin/sh\necho "Ponder test: stand-in for Electron" >&2\nexit 1\n');
    await chmod(path.join(standIn, 'electron'), 0o755);
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // Merged over electron-builder.yml (null replaces a value; arrays would be merged, so
      // none are given). The fuses are written into the Electron binary, which the stand-in
      // is not: they are off here, and tests/unit/main-fuses.test.ts checks their settings.
      // An explicit electronVersion and no dependency rebuild keep it off the network.
      config: {
        electronDist: standIn,
        electronVersion: pkg.devDependencies['electron']!,
        electronFuses: null,
        npmRebuild: false,
        directories: { output: path.join(tmp, 'dist') },
      },
    });
    appOutDir = path.join(tmp, 'dist', 'linux-unpacked');
    resources = path.join(appOutDir, 'resources');
    // Paths as the archive holds them, relative and with forward slashes.
    files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) =>
      file.replace(/^[\\/]/, '').split(path.sep).join('/'),
    );
  }, 60_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('makes the Linux executable from the Electron runtime', () => {
    expect(existsSync(path.join(appOutDir, 'ponder'))).toBe(true);
  });

  it('holds the built app, and nothing else at the top level but package.json and node_modules', () => {
    for (const file of BUILT) expect(files).toContain(file);
    expect(new Set(files.map((file) => file.split('/')[0]))).toEqual(new Set(['out', 'node_modules', 'package.json']));
    expect(new Set(files.filter((file) => file.startsWith('out/')).map((file) => file.split('/')[1]))).toEqual(
      new Set(['main', 'preload', 'renderer']),
    );
  });

  it('holds no sources, tests, source maps, docs or type declarations', () => {
    const sources = files.filter((file) =>
      /^(electron|renderer|tests|bench|scripts|docs|resources|build)(\/|$)|\.(tsx?|mts|cts|map|md)$/.test(file),
    );
    expect(sources).toEqual([]);
  });

  it('holds every runtime dependency, and only packages runtime dependencies need', () => {
    const runtime = runtimeClosure(Object.keys(pkg.dependencies));
    const packaged = packageNames(files);
    for (const name of Object.keys(pkg.dependencies)) expect(packaged).toContain(name);
    expect(packaged.filter((name) => !runtime.has(name))).toEqual([]);
    // The renderer's libraries are bundled into out/renderer by Vite: none may ship again.
    expect(packaged.filter((name) => name in pkg.devDependencies)).toEqual([]);
    expect(packaged).not.toContain('react');
    expect(packaged).not.toContain('electron');
  });

  it('ships the sample digest beside the archive, where main looks for it (resourcesPath/sample)', () => {
    const sample = path.join(ROOT, 'resources', 'sample');
    const shipped = path.join(resources, 'sample');
    const digests = readdirSync(sample).filter((name) => name.endsWith('.txt'));
    expect(digests.length).toBeGreaterThan(0);
    expect(readdirSync(shipped).sort()).toEqual(digests.sort());
    for (const name of digests) {
      expect(readFileSync(path.join(shipped, name), 'utf8')).toBe(readFileSync(path.join(sample, name), 'utf8'));
    }
  });

  it('has every module the main process requires, and each dependency loads as packed', () => {
    const archive = path.join(tmp, 'extracted');
    extractAll(path.join(resources, 'app.asar'), archive);
    expect(followRequires(path.join(archive, 'out', 'main', 'index.js'), archive)).toEqual(
      expect.arrayContaining(['out/main/index.js', ...Object.keys(pkg.dependencies).map((name) => `node_modules/${name}`)]),
    );
  });

  it('unpacks the index worker with everything it loads, so plain Node file access finds it', () => {
    // Main starts the worker from app.asar.unpacked (electron/main/index.ts), outside the archive.
    const unpacked = path.join(resources, 'app.asar.unpacked');
    expect(followRequires(path.join(unpacked, 'out', 'main', 'index-worker.js'), unpacked)).toEqual(
      expect.arrayContaining(['out/main/index-worker.js', 'node_modules/lunr', 'node_modules/lunr-languages']),
    );
    expect(followRequires(path.join(unpacked, 'out', 'main', 'library-worker.js'), unpacked)).toContain('out/main/library-worker.js');
  });
});

describe('the icons in build/', () => {
  const BUILD = path.join(ROOT, 'build');

  it('has icon.png at 1024 px and the Linux set up to 512 px', () => {
    expect(pngSize(readFileSync(path.join(BUILD, 'icon.png')))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(readFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`)))).toEqual([size, size]);
    }
  });

  it('has icon.ico with PNG images from 16 to 256 px, each the size its entry says', () => {
    const ico = readFileSync(path.join(BUILD, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual([size, size]);
      return size;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has icon.icns with the PNG entries macOS uses from 32 to 1024 px', () => {
    const icns = readFileSync(path.join(BUILD, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const [width, height] = pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
      expect(width).toBe(height);
      entries[icns.toString('ascii', at, at + 4)] = width;
    }
    expect(entries).toEqual({ ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 });
  });
});

/** The package names under node_modules/ (scoped ones as `@scope/name`). */
function packageNames(archive: string[]): string[] {
  const names = archive
    .map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}

/** The given packages and everything their `dependencies` pull in, as installed. */
function runtimeClosure(roots: string[]): Set<string> {
  const found = new Set<string>();
  const queue = [...roots];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (found.has(name)) continue;
    found.add(name);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    queue.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return found;
}

/**
 * Follows a built (CommonJS) file's `require("x")` and `createRequire(__filename)("x")` with
 * Node's own resolution, staying inside `root`: the app's own files are read in turn, and each
 * package is loaded, which proves what the file filters left of it still runs. `electron` is the
 * runtime's. Returns what was reached, relative to `root`: files, and packages as their folder.
 */
function followRequires(entry: string, root: string): string[] {
  const reached = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (reached.has(relative)) continue;
    reached.add(relative);
    const load = createRequire(file);
    const requests = [...readFileSync(file, 'utf8').matchAll(/(?:\brequire|createRequire\)\(__filename\))\("([^"]+)"\)/g)]
      .map((match) => match[1]!)
      .filter((request) => request !== 'electron' && !request.startsWith('node:'));
    for (const request of requests) {
      const resolved = load.resolve(request);
      expect(path.relative(root, resolved).startsWith('..'), `${request} resolved outside ${root}`).toBe(false);
      if (request.startsWith('.')) queue.push(resolved);
      else {
        load(request);
        // A file inside a package (lunr-languages/lunr.ru.js) counts as the package.
        reached.add(`node_modules/${request.split('/').slice(0, request.startsWith('@') ? 2 : 1).join('/')}`);
      }
    }
  }
  return [...reached];
}

/** A PNG's width and height, from its IHDR chunk (which must come first). */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}
