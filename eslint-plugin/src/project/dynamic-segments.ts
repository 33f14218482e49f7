import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { getAppRouteFolders } from '../utils/next/app-route-folders';
import { hasExportedName } from '../utils/next/route-config';
import type { NextFileKind } from '../utils/next/next-file-kind';
import { getDerived } from './file-store';
import { hasEntry } from './folders';

/**
 * A route under a dynamic segment (`app/posts/[slug]/page.tsx`) is prerendered
 * only for the params that `generateStaticParams` lists; without it, `next
 * build` marks the route ƒ (rendered on demand, per request). The list for the
 * deepest dynamic segment can come from the page or route file itself, or
 * from a layout in that segment's folder or below it (a parent's list cannot
 * fill in a deeper segment).
 */

const DYNAMIC_SEGMENT = /^\[.+\]$/;

/** Metadata image routes (`opengraph-image.tsx`), rendered like a page of their segment. */
const METADATA_IMAGE = /^(opengraph-image|twitter-image|icon|apple-icon)\d*$/;

function isRouteFile(kind: NextFileKind, filename: string): boolean {
  return kind === 'app-page' || kind === 'app-route' || (kind === 'app-other' && METADATA_IMAGE.test(path.parse(filename).name));
}

function mentionsGenerateStaticParams(filePath: string, root: string): boolean {
  return hasEntry(filePath) && (getDerived('generate-static-params', filePath, root, (text) => text.includes('generateStaticParams')) ?? false);
}

/** Folders from the deepest dynamic segment down to the file's own folder, or none without a dynamic segment. */
function getFoldersBelowDeepestDynamicSegment(filename: string, projectRoot: string): string[] {
  const folders = getAppRouteFolders(filename, projectRoot);
  // Index 0 is `app/` itself, never a dynamic segment.
  const deepest = folders.findLastIndex(({ segment }, index) => index > 0 && DYNAMIC_SEGMENT.test(segment));
  return deepest === -1 ? [] : folders.slice(deepest).map(({ folder }) => folder);
}

/**
 * Whether a page, route handler or metadata image file is rendered per
 * request because its deepest dynamic segment has no `generateStaticParams`
 * (in the file, or in a layout between that segment and the file; for a
 * metadata image, also in the page beside it).
 */
export function isUnlistedDynamicRoute(
  program: TSESTree.Program,
  kind: NextFileKind,
  filename: string,
  projectRoot: string,
  pageExtensions: readonly string[],
  root: string,
): boolean {
  if (!isRouteFile(kind, filename)) return false;
  const folders = getFoldersBelowDeepestDynamicSegment(filename, projectRoot);
  if (folders.length === 0 || hasExportedName(program, 'generateStaticParams')) return false;
  const listingFiles = folders.flatMap((folder) => pageExtensions.map((extension) => path.join(folder, `layout.${extension}`)));
  if (kind === 'app-other') listingFiles.push(...pageExtensions.map((extension) => path.join(path.dirname(filename), `page.${extension}`)));
  return !listingFiles.some((file) => mentionsGenerateStaticParams(file, root));
}
