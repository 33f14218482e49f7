import * as path from 'node:path';
import { getParserKey, parseModule, readCached } from '../../utils/workspace-files';
import { getAppRouteFolders } from './app-route-folders';
import { getRequestReadingExports } from './imported-request-apis';
import { isForcedDynamic } from './route-config';

/**
 * A layout above a page can make the whole route dynamic: `export const
 * dynamic = 'force-dynamic'` or `revalidate = 0` (route segment config applies
 * to the segments below), or a layout component that calls cookies() or
 * headers() (rendering the route then waits for a request). `next build` marks
 * such routes ƒ, so the page's queries run per request.
 */

function isDynamicLayout(filePath: string, parser: unknown): boolean {
  return (
    readCached(`dynamic-layout:${getParserKey(parser)}`, filePath, (text) => {
      const program = parseModule(parser, filePath, text);
      return program !== undefined && (isForcedDynamic(program) || getRequestReadingExports(program).has('default'));
    }) ?? false
  );
}

/** Whether a layout that wraps this Server Component file (not the file itself) makes its route dynamic. */
export function hasDynamicLayoutAbove(
  filename: string,
  projectRoot: string,
  pageExtensions: readonly string[],
  parser: unknown,
): boolean {
  return getAppRouteFolders(filename, projectRoot).some(({ folder }) =>
    pageExtensions.some((extension) => {
      const layout = path.join(folder, `layout.${extension}`);
      return layout !== path.resolve(filename) && isDynamicLayout(layout, parser);
    }),
  );
}
