import * as path from 'node:path';

/**
 * The URL path Next.js serves a file at, for messages: `app/(shop)/meals/page.tsx`
 * → `/meals`, `app/sitemap.ts` → `/sitemap.xml`, `pages/api/users.ts` → `/api/users`.
 */

const METADATA_URLS: Record<string, string> = { sitemap: 'sitemap.xml', robots: 'robots.txt', manifest: 'manifest.webmanifest' };
const SEGMENT_FILES = new Set(['page', 'layout', 'template', 'default', 'route', 'not-found', 'loading', 'error']);

/** Metadata routes Next.js serves from files of the App Router (static by default). */
export const METADATA_ROUTE = /^(sitemap|robots|manifest|opengraph-image\d*|twitter-image\d*|icon\d*|apple-icon\d*)$/;

function isHiddenSegment(segment: string): boolean {
  return (segment.startsWith('(') && segment.endsWith(')')) || segment.startsWith('@');
}

export function getRoutePath(file: string, appRoot: string): string {
  const segments = path.relative(appRoot, file).split(/[\\/]+/);
  if (segments[0] === 'src') segments.shift();
  const router = segments.shift();
  const name = path.parse(segments.pop() ?? '').name;
  const folders = segments.filter((segment) => !isHiddenSegment(segment));
  if (router === 'pages') {
    const parts = [...folders, name].filter((part) => part !== 'index');
    return `/${parts.join('/')}`;
  }
  if (router !== 'app') return path.relative(appRoot, file);
  if (SEGMENT_FILES.has(name)) return `/${folders.join('/')}`;
  return `/${[...folders, METADATA_URLS[name] ?? name].join('/')}`;
}
