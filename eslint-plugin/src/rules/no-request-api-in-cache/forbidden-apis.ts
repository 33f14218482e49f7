import type { NoRequestContext, NoRequestContextKind } from '../../utils/next/no-request-contexts';

/**
 * Which request APIs fail in which context, and Next's own words for it, as
 * read in Next.js 16.4.5 (next/dist/server/request/{connection,cookies,
 * headers,draft-mode,search-params}.js and use-cache/use-cache-messages.js).
 * `draftMode()` itself is readable in cache scopes and after(); only
 * `.enable()` / `.disable()` fail there.
 */
export type RequestApi = 'cookies()' | 'headers()' | 'connection()' | 'draftMode()' | 'draftMode().enable()' | 'draftMode().disable()' | 'searchParams';

const DRAFT_MODE_CHANGES: readonly RequestApi[] = ['draftMode().enable()', 'draftMode().disable()'];

const FORBIDDEN: Record<NoRequestContextKind, ReadonlySet<RequestApi>> = {
  'use-cache': new Set(['cookies()', 'headers()', 'connection()', 'searchParams', ...DRAFT_MODE_CHANGES]),
  // "use cache: private" may read cookies, headers and searchParams; connection() still throws.
  'use-cache-private': new Set(['connection()', ...DRAFT_MODE_CHANGES]),
  'unstable-cache': new Set(['cookies()', 'headers()', 'connection()', ...DRAFT_MODE_CHANGES]),
  'build-time': new Set(['cookies()', 'headers()', 'connection()', 'draftMode()', ...DRAFT_MODE_CHANGES]),
  after: new Set(['cookies()', 'headers()', 'connection()', ...DRAFT_MODE_CHANGES]),
};

export function isForbidden(api: RequestApi, kind: NoRequestContextKind): boolean {
  return FORBIDDEN[kind].has(api);
}

/** What to do, in a few words, for the message's first sentence. */
export function getAdvice(api: RequestApi, context: NoRequestContext): string {
  if (context.kind === 'build-time') return 'it runs at build time: remove the call';
  if (DRAFT_MODE_CHANGES.includes(api)) return 'switch draft mode outside it';
  if (context.kind === 'after') return api === 'connection()' ? 'call it before `after()`' : 'read it before `after()`, pass the value in';
  return api === 'connection()' ? 'call it in the caller, before the cached call' : 'read it outside, pass the value in';
}

/** The error Next.js throws (without its `Route "/x":` prefix). */
export function getNextError(api: RequestApi, context: NoRequestContext): string {
  const name = api === 'searchParams' ? '`searchParams`' : `\`${api}\``;
  const scope = context.kind === 'use-cache' ? '`"use cache"`' : context.kind === 'use-cache-private' ? '`"use cache: private"`' : '`unstable_cache()`';
  if (context.kind === 'build-time') {
    return `used ${name} inside \`generateStaticParams\`. This is not supported because \`generateStaticParams\` runs at build time without an HTTP request.`;
  }
  if (context.kind === 'after') {
    if (api === 'connection()') {
      return 'used `connection()` inside `after()` while rendering. The `connection()` function is used to indicate the subsequent code must only run when there is an actual Request, but `after()` executes after the request, so this function is not allowed in this scope.';
    }
    if (DRAFT_MODE_CHANGES.includes(api)) {
      return `used "${api}" inside \`after()\`. The enabled status of \`draftMode()\` can be read inside \`after()\` but you cannot enable or disable \`draftMode()\`.`;
    }
    return `used ${name} inside \`after()\` while rendering. This is not supported. If you need this data inside an \`after()\` callback, use ${name} outside of the callback.`;
  }
  if (api === 'connection()') {
    const why =
      context.kind === 'use-cache-private'
        ? 'private cached functions may run during prefetching, without a navigation request'
        : 'cached functions may run during prerendering, without an incoming request';
    return `\`connection()\` can't be called inside ${scope} because ${why}. Call it outside the cached function.`;
  }
  if (DRAFT_MODE_CHANGES.includes(api)) {
    return `${name} can't be called inside ${scope}. Draft mode can be read inside a cached function, but enabling or disabling it must happen outside.`;
  }
  const verb = api === 'searchParams' ? 'Await' : 'Read';
  return `${name} can't be read inside ${scope}. ${verb} it outside the cached function and pass what you need as an argument.`;
}
