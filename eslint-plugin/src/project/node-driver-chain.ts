import { findNodeDriverUses, getValueImports, NODE_DRIVER_WORDS } from '../utils/drivers/node-drivers';
import { createEpochCache } from './epoch';
import type { ModelSession } from './session';

/**
 * Whether a project module loads a Node-only database driver, itself or
 * through the project modules it imports at run time (at any depth up to a
 * bound), and by which chain of modules.
 */

/** Modules deeper than this are not followed (as the text pre-check, see session.ts). */
const MAX_DEPTH = 32;

export interface NodeDriverChain {
  /** The modules from the imported one down to the one that loads the driver. */
  files: string[];
  /** `\`pg\``, or `\`PrismaClient\` without an edge adapter`. */
  driver: string;
}

/** What the search needs of a module: the driver it loads itself, and the project modules it imports at run time. */
interface DriverEdges {
  driver: string | undefined;
  targets: string[];
}

/**
 * Per module, for the epoch: every edge route and middleware of an app
 * searches much the same graph, and each search would otherwise walk each
 * module's syntax tree and resolve its imports again.
 */
const edgesByModule = createEpochCache<string, DriverEdges | null>();

function getDriverEdges(session: ModelSession, file: string): DriverEdges | undefined {
  const key = `${session.scope.root}\0${file}`;
  let edges = edgesByModule.get(key);
  if (edges === undefined) {
    edges = readDriverEdges(session, file) ?? null;
    edgesByModule.set(key, edges);
  }
  return edges ?? undefined;
}

function readDriverEdges(session: ModelSession, file: string): DriverEdges | undefined {
  // A text check first, so modules that cannot lead to a driver are never parsed.
  if (!session.mayReach(file, NODE_DRIVER_WORDS)) return undefined;
  const info = session.module(file);
  // A Client Component is bundled for the browser, not for the edge route that renders it.
  if (!info || info.directives.includes('use client')) return undefined;
  const imports = getValueImports(info.program, file);
  const [use] = findNodeDriverUses(info, imports);
  if (use) return { driver: use.driver, targets: [] };
  const targets = imports.map(({ specifier }) => session.resolve(file, specifier)).filter((target) => target !== undefined);
  return { driver: undefined, targets };
}

function search(session: ModelSession, file: string, visited: Set<string>, depth: number): NodeDriverChain | undefined {
  if (visited.has(file) || depth > MAX_DEPTH) return undefined;
  visited.add(file);
  const edges = getDriverEdges(session, file);
  if (!edges) return undefined;
  if (edges.driver !== undefined) return { files: [file], driver: edges.driver };
  for (const target of edges.targets) {
    const found = search(session, target, visited, depth + 1);
    if (found) return { files: [file, ...found.files], driver: found.driver };
  }
  return undefined;
}

/** The chain from the project module `file` to a Node-only driver it loads, if any (memoised per session). */
export function findNodeDriverChain(session: ModelSession, file: string): NodeDriverChain | undefined {
  // Each search has its own visited set: a module seen without a driver on one search may be reached afresh by another.
  return session.memo(`node-driver\0${file}`, () => search(session, file, new Set(), 0));
}

/**
 * The modules that define `names` for a barrel `file` (through its
 * `export { x } from` and `export *`), when each of them is another module
 * that exports the name as it is and loads no Node-only driver: importing the
 * names from there leaves the barrel, and the module of it that leads to a
 * driver, out of the bundle. Undefined when any name is defined in the barrel
 * itself, is not found, is renamed on the way, or comes from a module that
 * leads to a driver.
 */
export function findDriverFreeDefinitions(session: ModelSession, file: string, names: readonly string[]): Map<string, string[]> | undefined {
  if (names.length === 0) return undefined;
  /** Defining module → the names it defines, in the order they were asked for. */
  const definitions = new Map<string, string[]>();
  for (const name of names) {
    const definition = session.resolveExport(file, name);
    if (!definition || definition.file === file || !session.module(definition.file)?.exports.has(name)) return undefined;
    if (findNodeDriverChain(session, definition.file)) return undefined;
    definitions.set(definition.file, [...(definitions.get(definition.file) ?? []), name]);
  }
  return definitions;
}
