import * as path from 'node:path';
import { getAppRouteFolders } from '../utils/next/app-route-folders';
import { isForcedDynamic } from '../utils/next/route-config';
import { listFolder } from './folders';
import type { ModelSession } from './session';

/**
 * A layout above a page can make the whole route dynamic: `export const
 * dynamic = 'force-dynamic'` or `revalidate = 0` (route segment config applies
 * to the segments below), or a layout component that reads the request
 * (cookies(), headers(), an auth helper: rendering the route then waits for a
 * request). `next build` marks such routes ƒ, so the page's queries run per
 * request.
 */

function isDynamicLayout(layout: string, session: ModelSession): boolean {
  const info = session.module(layout);
  if (!info) return false;
  if (isForcedDynamic(info.program)) return true;
  const target = session.resolveExport(layout, 'default');
  return target !== undefined && session.functionReadsRequest(target.file, target.local);
}

/** Whether a layout that wraps this Server Component file (not the file itself) makes its route dynamic. */
export function hasDynamicLayoutAbove(filename: string, appRoot: string, pageExtensions: readonly string[], session: ModelSession): boolean {
  return getAppRouteFolders(filename, appRoot).some(({ folder }) => {
    const names = listFolder(folder);
    return pageExtensions.some((extension) => {
      const layout = path.join(folder, `layout.${extension}`);
      return names.has(`layout.${extension}`) && layout !== path.resolve(filename) && isDynamicLayout(layout, session);
    });
  });
}
