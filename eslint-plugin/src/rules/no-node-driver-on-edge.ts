import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { type ModelSession, createModelSession, findDriverFreeDefinitions, findNextVersion, findNodeDriverChain, getAbsoluteFilename } from '../project';
import { summarizeModule } from '../project/module-info';
import { createRule } from '../create-rule';
import { isEdgeRuntime } from '../utils/next/is-edge-runtime';
import { type NextFileKind, getNextFileInfo } from '../utils/next/next-file-kind';
import { getNextSettings, type NextSettings } from '../utils/next/next-settings';
import { findNodeDriverUses, getValueImports } from '../utils/drivers/node-drivers';
import { containsAnyWord } from '../utils/ast/text-words';
import { getModuleExportName } from '../utils/ast/module-syntax';

export type MessageId = 'nodeDriverOnEdge';

/** `runtime = 'edge'` or `'experimental-edge'`. */
const EDGE_WORDS = ['edge'];

/** Files whose `runtime` Next.js reads (route segment config, the Pages `config`), and middleware. */
const RUNTIME_FILE_KINDS: ReadonlySet<NextFileKind> = new Set(['app-page', 'app-layout', 'app-route', 'pages-api', 'pages-page', 'middleware']);

/**
 * Whether a middleware that says `runtime: 'nodejs'` may get Node.js: from
 * Next.js 15.2 (experimental there, stable in 15.5); before, middleware ran
 * on the edge whatever it said. An unknown version is given the benefit.
 */
function middlewareMayUseNode(settings: NextSettings, file: string, root: string): boolean {
  const version = settings.version !== undefined ? { major: settings.version, minor: undefined } : findNextVersion(path.dirname(file), root);
  if (version === undefined || version.major >= 16) return true;
  return version.major === 15 && (version.minor === undefined || version.minor >= 2);
}

function toDisplayPath(file: string, base: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}

const EDGE_DRIVERS = 'Neon serverless (`@neondatabase/serverless`), `@prisma/adapter-neon` or `@vercel/postgres`';
const USE_EDGE_DRIVER = `Use an edge driver: ${EDGE_DRIVERS}.`;

/** The names `import { a, b } from '…'` takes; none for a default, namespace or other kind of load. */
function getImportedNames(node: TSESTree.Node): string[] {
  if (node.type !== 'ImportDeclaration') return [];
  const names: string[] = [];
  for (const specifier of node.specifiers) {
    if (specifier.type !== 'ImportSpecifier') return [];
    if (specifier.importKind === 'type') continue;
    names.push(getModuleExportName(specifier.imported));
  }
  return names;
}

/**
 * What to do about an import that leads to a driver: when it takes names
 * from a barrel whose modules defining them load no driver (the driver comes
 * in through another module the barrel re-exports), import them from there;
 * otherwise, use a driver made for the edge.
 */
function getAdvice(session: ModelSession, node: TSESTree.Node, specifier: string, target: string, base: string): string {
  const names = getImportedNames(node);
  const definitions = findDriverFreeDefinitions(session, target, names);
  if (!definitions) return USE_EDGE_DRIVER;
  const sources = [...definitions].map(([file, defined]) => `${defined.map((name) => `\`${name}\``).join(', ')} from ${toDisplayPath(file, base)}`);
  const loads = definitions.size === 1 ? 'it loads' : 'they load';
  return `Import ${sources.join(' and ')} instead of \`${specifier}\`: ${loads} no Node-only driver, and the barrel's other modules stay out of the bundle. Or use an edge driver: ${EDGE_DRIVERS}.`;
}

export default createRule<[], MessageId>({
  name: 'no-node-driver-on-edge',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database drivers that need Node.js in code that runs on the edge runtime',
      recommended: true,
    },
    messages: {
      nodeDriverOnEdge:
        '{{driver}} needs Node.js, but this file runs on the edge runtime{{reason}}. {{chain}}Next.js cannot bundle or run it there ("Native module not found", "Can\'t resolve \'net\'"). {{advice}}',
    },
    schema: [],
  },
  defaultOptions: [],
  editor: {
    // `runtime = 'edge'` (or `'experimental-edge'`); middleware runs on the edge without saying so.
    triggerWords: { identifiers: ['edge'], fileNames: [/^middleware\.[cm]?[jt]sx?$/] },
  },
  create(context) {
    // An edge file says `edge` or is a middleware file (see isEdgeRuntime): the rest are skipped before the file's kind is looked up.
    if (!containsAnyWord(context.sourceCode.text, EDGE_WORDS) && !path.basename(context.filename).startsWith('middleware.')) return {};
    const settings = getNextSettings(context.settings);
    const { kind, projectRoot } = getNextFileInfo(context.filename, context.cwd, settings);
    if (!RUNTIME_FILE_KINDS.has(kind)) return {};
    const program = context.sourceCode.ast;
    const file = getAbsoluteFilename(context);
    // Most files are not on the edge under any Next.js version: they cost no session and no package.json read.
    if (!isEdgeRuntime(program, kind, file, false)) return {};
    const session = createModelSession(context, settings);
    if (!isEdgeRuntime(program, kind, file, middlewareMayUseNode(settings, file, session.scope.root))) return {};
    const reason = kind === 'middleware' ? ' (middleware)' : '';
    const base = projectRoot ?? session.scope.root;

    return {
      'Program:exit'() {
        const imports = getValueImports(program, file);
        for (const own of findNodeDriverUses(summarizeModule(program), imports)) {
          context.report({ node: own.node, messageId: 'nodeDriverOnEdge', data: { driver: own.driver, reason, chain: '', advice: USE_EDGE_DRIVER } });
        }
        for (const { specifier, node } of imports) {
          const target = session.resolve(file, specifier);
          if (target === undefined) continue;
          const found = findNodeDriverChain(session, target);
          if (!found) continue;
          const modules = found.files.map((module) => toDisplayPath(module, base)).join(' → ');
          const chain = `\`${specifier}\` loads it: ${modules} → ${found.driver}. `;
          const advice = getAdvice(session, node, specifier, target, base);
          context.report({ node, messageId: 'nodeDriverOnEdge', data: { driver: found.driver, reason, chain, advice } });
        }
      },
    };
  },
});
