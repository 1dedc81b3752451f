// The architecture rules in eslint.config.mjs, proved on snippets: each rule fires on the
// import it forbids, and stays quiet on the imports the same layer is allowed.

import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

// The probes sit at paths that do not exist, which the TypeScript project service cannot
// type; the layer rules need no types, so this instance parses without them.
const layers = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});
const typed = new ESLint({ cwd: ROOT });

async function importErrors(filePath: string, specifiers: string[]): Promise<string[]> {
  const code = specifiers.map((specifier, i) => `import * as m${i} from '${specifier}';\n`).join('') +
    `export const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n`;
  const [result] = await layers.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  it('a feature may not import another feature, and is told where shared code goes', async () => {
    const file = 'renderer/src/features/stories/Probe.tsx';
    for (const specifier of ['../topics/FilterOption', '../../features/search/SearchBox', '../reflection']) {
      const errors = await importErrors(file, [specifier]);
      expect(errors, specifier).toHaveLength(1);
      expect(errors[0]).toContain('no-restricted-imports');
      expect(errors[0]).toContain('renderer/src/features/stories must not import another feature');
      expect(errors[0]).toContain('renderer/src/components/');
    }
  });

  it('a feature may import its own files, shared components, the store and the contract', async () => {
    expect(await importErrors('renderer/src/features/stories/Probe.tsx', [
      './StoryRow', '../../components/plural', '../../store/app-store', '../../test-ids',
      '../../../../electron/shared/ipc-contract', '../../../../electron/core/types', 'react',
    ])).toEqual([]);
  });

  it('the renderer outside features keeps its own rules: no Electron, no Node, no core', async () => {
    const errors = await importErrors('renderer/src/app/Probe.tsx', ['electron', 'node:fs', '../../../electron/core/ids']);
    expect(errors).toHaveLength(3);
    expect(await importErrors('renderer/src/app/Probe.tsx', ['../features/topics/TopicsPane'])).toEqual([]);
  });

  it('services, core and shared never import Electron', async () => {
    for (const file of ['electron/services/probe.ts', 'electron/core/probe.ts', 'electron/core/library/probe.ts', 'electron/shared/probe.ts']) {
      const errors = await importErrors(file, ['electron']);
      expect(errors, file).toHaveLength(1);
      expect(errors[0]).toMatch(/never imports Electron: code that needs Electron belongs in electron\/main\//);
    }
  });

  it('services may use core, shared and Node, but not the Electron shell', async () => {
    const file = 'electron/services/probe.ts';
    expect(await importErrors(file, ['../core/ids', '../shared/ipc-contract', './flush-gate', 'node:path', 'zod'])).toEqual([]);
    expect(await importErrors(file, ['../main/menu'])).toHaveLength(1);
  });

  it('core, and the index worker with everything it imports, never import main or services', async () => {
    for (const file of ['electron/core/search/index-worker.ts', 'electron/core/search/segment-probe.ts', 'electron/core/probe.ts']) {
      const depth = file.split('/').length - 2;
      const up = '../'.repeat(depth);
      const errors = await importErrors(file, [`${up}main/index`, `${up}services/reader-session`, `${up}preload/index`]);
      expect(errors, file).toHaveLength(3);
      expect(errors[1]).toContain('electron/core must not depend on electron/services');
    }
    expect(await importErrors('electron/core/search/index-worker.ts', ['./tokens', '../ids', '../types', 'node:worker_threads', 'lunr'])).toEqual([]);
  });

  it('shared has no Node, so it can run in the preload and renderer', async () => {
    const errors = await importErrors('electron/shared/probe.ts', ['node:path', '../services/emit']);
    expect(errors).toHaveLength(2);
    expect(await importErrors('electron/shared/probe.ts', ['./ipc-contract', '../core/types', 'zod'])).toEqual([]);
  });
});

describe('promise rules (type-aware)', () => {
  // A real file's path, so the TypeScript project service types the snippet.
  const filePath = path.join(ROOT, 'electron/core/ids.ts');
  const rules = async (code: string) =>
    (await typed.lintText(code, { filePath }))[0]!.messages.map((message) => message.ruleId);

  it('a floating promise and a promise passed as a void callback are errors', async () => {
    expect(await rules('async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n'))
      .toEqual(['@typescript-eslint/no-floating-promises']);
    expect(await rules('export function go(run: (f: () => void) => void): void {\n  run(async () => {});\n}\n'))
      .toEqual(['@typescript-eslint/no-misused-promises']);
  }, 60_000); // the first typed lint starts the TypeScript project service

  it('an awaited promise, or one marked `void` with its error handled, passes', async () => {
    expect(await rules([
      'async function save(): Promise<void> {}',
      'export async function go(): Promise<void> {',
      '  await save();',
      '  void save().catch(() => undefined);',
      '}',
      '',
    ].join('\n'))).toEqual([]);
  });
});
