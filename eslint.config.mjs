// Lint rules that keep Ponder's architecture honest, not just its style. Each layer rule's
// message says where the code should go instead (README, "Architecture"):
//   electron/core      plain TypeScript: no Electron, no services, no app shell, no UI
//   electron/shared    runs in main, preload and renderer: no Electron, no Node
//   electron/services  Node-only services shared by the app and the e2e host: no Electron
//   renderer/          no Node, no Electron, no core; features never import each other
// plus type-aware promise checks, and nothing renders text as HTML.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtml = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Story and note text is data: render it as text, never as HTML.',
  },
  {
    selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Story and note text is data: never assign it as HTML.',
  },
];

const noElectron = (where) => ({
  name: 'electron',
  message: `${where} never imports Electron: code that needs Electron belongs in electron/main/, and reaches ${where} as a parameter.`,
});

// Import specifiers are matched as written, so a layer is recognised by its folder name in
// the path (`../services/x`, `../../main/y`): core and services have no folders of those names.
const shell = {
  regex: '(^|/)(main|preload|renderer)(/|$)',
  message: 'electron/core, electron/shared and electron/services must not depend on the app shell or the UI: move the shared part into electron/core (or electron/shared for the IPC contract).',
};
const services = {
  regex: '(^|/)services(/|$)',
  message: 'electron/core must not depend on electron/services (they are built on core): move what both need into electron/core.',
};

// One rule set per place, since a later `no-restricted-imports` replaces an earlier one.
const rendererPaths = [{ name: 'electron', message: 'The renderer talks to the app only through window.ponder (electron/preload).' }];
const rendererPatterns = [{
  group: ['node:*', '**/electron/main/**', '**/electron/services/**', '**/electron/core/*', '**/electron/core/**', '!**/electron/core/types'],
  message: 'The renderer has no Node and no core: ask main through window.ponder (electron/shared/ipc-contract.ts).',
}];
const features = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** renderer/src/features/<feature> may import anything the renderer may, except another feature. */
function featureBoundary(feature) {
  const others = features.filter((name) => name !== feature).join('|');
  return {
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: rendererPaths,
        patterns: [...rendererPatterns, {
          regex: `^(\\.\\./)+(features/)?(${others})(/|$)|(^|/)features/(${others})(/|$)`,
          message: `renderer/src/features/${feature} must not import another feature: move what both need to renderer/src/components/ (UI) or renderer/src/store/ (state), and compose features in renderer/src/app/.`,
        }],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-restricted-syntax': ['error', ...noHtml],
    },
  },
  {
    // Promises: `void promise` is how Ponder fires and forgets; anything else must be awaited
    // or handled, and no promise goes where a plain callback or condition is expected.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Also keeps the search worker's bundle (electron/core/search/index-worker.ts) free of main
    // and services: it is in core, and everything core imports is core or shared.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron('electron/core')], patterns: [shell, services] }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron('electron/services')], patterns: [shell] }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron('electron/shared')],
        patterns: [
          { group: ['node:*'], message: 'electron/shared runs in the preload and renderer too: no Node. Node code belongs in electron/core.' },
          shell,
          { ...services, message: 'electron/shared is the IPC contract: it must not depend on electron/services.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  ...features.map(featureBoundary),
);
