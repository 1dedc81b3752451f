// Lint rules that keep Ponder's architecture honest, not just its style:
// core and shared never import Electron or Node-only UI code, the renderer never
// imports Node or Electron, and nothing renders text as HTML.
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
    files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'core and shared are plain TypeScript: no Electron (see DEVELOPERS.md).' }],
        patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'core and shared must not depend on the app shell or UI.' }],
      }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared is bundled into the sandboxed preload and the renderer: no Electron.' }],
        patterns: [{ group: ['node:*', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'shared runs in the preload and renderer too: no Node, no app shell.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the app only through window.ponder.' }],
        patterns: [{ group: ['node:*', '**/electron/main/**', '**/electron/core/*', '!**/electron/core/types'], message: 'The renderer has no Node and no core: use window.ponder.' }],
      }],
    },
  },
);
