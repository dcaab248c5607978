// Lint rules for the whole repository: typescript-eslint's recommended set, React's hook rules, and the layer
// boundaries the README states, enforced with eslint-plugin-boundaries (each folder is an element of a layer).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The server's layers, lowest first; each may import its own kind and what is listed for it (README, Architecture).
// A feature may use another feature's services and presenters, never its routes (`routes.ts`, `*-routes.ts`): those
// are its HTTP surface. What a feature may never do is reach up into the composition that wires the features together.
const FOUNDATION = ['foundation', 'shared-api-types'];
const LOWEST = [...FOUNDATION, 'crypto', 'http'];
const FEATURES = ['feature', 'feature-routes'];
const layers = {
  crypto: FOUNDATION,
  http: FOUNDATION,
  config: LOWEST,
  db: [...LOWEST, 'config'],
  mail: [...LOWEST, 'config', 'db'],
  core: [...LOWEST, 'config', 'db', 'mail'],
  'api-root': [...LOWEST, 'config'],
  composition: [...LOWEST, 'config', 'db', 'mail', 'core', ...FEATURES, 'api-root', 'composition'],
  server: [...LOWEST, 'config', 'db', 'mail', 'core', 'feature', 'composition'],
  entry: [...LOWEST, 'config', 'db', 'mail', 'core', 'feature', 'composition', 'server', 'desktop-bridge', 'entry'],
  // The pages talk to the server over HTTP only: the shared API types and the desktop bridge's interface are all they import.
  renderer: ['shared-api-types', 'desktop-bridge'],
};
const FEATURE_DEPENDENCIES = [...LOWEST, 'config', 'db', 'mail', 'core'];

const ownKind = (type) => ({ from: { element: { type } }, allow: { to: { element: { type } } } });
const mayImport = (type, targets) => ({ from: { element: { type } }, allow: { to: { element: { types: { anyOf: targets } } } } });

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'data/', 'test-results/', 'test-artifacts/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed parameters are the convention for "required by the signature, not used".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Control characters are matched on purpose: to refuse them in input.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src-server/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The server and the pages run without Electron: only src-main/ may import it.' }] },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'src-shared/**/*.ts', 'scripts/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: ['tsconfig.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true } },
      'boundaries/elements': [
        { type: 'shared-api-types', pattern: 'src-shared/**', mode: 'full' },
        { type: 'foundation', pattern: 'src-server/{clock,logger,lan-addresses}.ts', mode: 'full' },
        { type: 'config', pattern: 'src-server/config.ts', mode: 'full' },
        { type: 'crypto', pattern: 'src-server/crypto/**', mode: 'full' },
        { type: 'http', pattern: 'src-server/http/**', mode: 'full' },
        { type: 'db', pattern: 'src-server/db/**', mode: 'full' },
        { type: 'mail', pattern: 'src-server/mail/**', mode: 'full' },
        { type: 'core', pattern: 'src-server/core.ts', mode: 'full' },
        { type: 'api-root', pattern: 'src-server/api-root/**', mode: 'full' },
        { type: 'feature-routes', pattern: ['src-server/*/routes.ts', 'src-server/*/*-routes.ts'], mode: 'full', capture: ['feature'] },
        { type: 'feature', pattern: 'src-server/*/**', mode: 'full', capture: ['feature'] },
        { type: 'composition', pattern: 'src-server/{endpoints,app,open-core}.ts', mode: 'full' },
        { type: 'server', pattern: 'src-server/server.ts', mode: 'full' },
        { type: 'desktop-bridge', pattern: 'src-main/desktop-bridge.ts', mode: 'full' },
        { type: 'entry', pattern: ['src-server/serve.ts', 'src-main/**', 'scripts/**'], mode: 'full' },
        { type: 'renderer', pattern: 'src-renderer/**', mode: 'full' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: 'Layers only look down (README, Architecture): {{ from.element.type }} may not import {{ to.element.type }}.',
          policies: [
            ...Object.keys(layers)
              .filter((type) => type !== 'renderer')
              .map(ownKind),
            ...Object.entries(layers).map(([type, targets]) => mayImport(type, targets)),
            ownKind('foundation'),
            ownKind('renderer'),
            // Within one feature anything goes; another feature is reached through its services, never its routes.
            {
              from: { element: { types: { anyOf: FEATURES } } },
              allow: { to: { element: { types: { anyOf: FEATURES }, captured: { feature: '{{ from.element.captured.feature }}' } } } },
            },
            ...FEATURES.map((type) => mayImport(type, [...FEATURE_DEPENDENCIES, 'feature'])),
          ],
        },
      ],
    },
  },
);
