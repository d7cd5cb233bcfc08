// The house layer rules (docs: shared/docs/architecture.md, "One way through the layers"),
// checked on every import so a shortcut fails `pnpm lint` instead of review.
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const rel = (file) => path.relative(repoRoot, file).split(path.sep).join('/');

function featureOf(file, app) {
  const match = rel(file).match(new RegExp(`^apps/${app}/src/features/([^/]+)/`));
  return match ? match[1] : null;
}

const isTest = (file) => /\.(test|e2e)\.tsx?$/.test(file) || rel(file).includes('/src/test/');

function problemWith(importer, specifier, isTypeOnly) {
  const from = rel(importer);

  if (from.startsWith('packages/shared/')) {
    if (specifier.startsWith('@harbour/server') || specifier.startsWith('@harbour/web') || /^(\.\.\/)+apps\//.test(specifier)) {
      return 'packages/shared must not import from apps/';
    }
    if (specifier.startsWith('node:')) return 'packages/shared runs in the browser too: no Node modules';
    return null;
  }

  if (from.startsWith('apps/web/') && specifier.startsWith('@harbour/server')) {
    return isTypeOnly ? null : 'the web app may import only types from the server (`import type`)';
  }

  if (!specifier.startsWith('.')) return null;
  const target = rel(path.resolve(path.dirname(importer), specifier));

  const webFeature = featureOf(importer, 'web');
  const targetWebFeature = target.match(/^apps\/web\/src\/features\/([^/]+)\//)?.[1];
  if (webFeature && targetWebFeature && targetWebFeature !== webFeature) {
    return `web feature "${webFeature}" must not import feature "${targetWebFeature}": compose them in app/`;
  }
  if (/^apps\/web\/src\/(components|lib)\//.test(from) && /^apps\/web\/src\/(features|app)\//.test(target)) {
    return 'components/ and lib/ hold no domain knowledge: they must not import features or app';
  }
  if (webFeature && target.startsWith('apps/web/src/app/') && !isTest(importer)) {
    return 'features must not import app/: app/ puts features together, not the other way round';
  }

  const serverFeature = featureOf(importer, 'server');
  const targetServer = target.match(/^apps\/server\/src\/features\/([^/]+)\/([^/]+?)(\.ts)?$/);
  if (serverFeature && targetServer && targetServer[1] !== serverFeature && !/\.service$/.test(targetServer[2])) {
    return `server feature "${serverFeature}" may reach "${targetServer[1]}" only through its service`;
  }
  if (targetServer && /\.queries$/.test(targetServer[2]) && !/\.service\.ts$/.test(from)) {
    return 'query functions are called only by their own feature\'s service';
  }
  return null;
}

export const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], messages: { layer: 'Layer rule: {{ problem }}.' } },
      create(context) {
        const check = (node, isTypeOnly) => {
          const problem = problemWith(context.filename, node.source.value, isTypeOnly);
          if (problem) context.report({ node: node.source, messageId: 'layer', data: { problem } });
        };
        return {
          ImportDeclaration: (node) => check(node, node.importKind === 'type'),
          ExportNamedDeclaration: (node) => node.source && check(node, node.exportKind === 'type'),
          ExportAllDeclaration: (node) => check(node, node.exportKind === 'type'),
          ImportExpression: (node) =>
            node.source.type === 'Literal' && typeof node.source.value === 'string' && check({ source: node.source }, false),
        };
      },
    },
  },
};
