/**
 * The one list of functions that read the request in the App Router: after
 * one of them, rendering waits for a request, so the code that follows is
 * never prerendered. Next.js's own, and auth libraries' session functions
 * (which read headers() or cookies()).
 */

/** Next.js request-time APIs, by module. `unstable_noStore` is deprecated in favour of `connection()` but still opts out. */
export const NEXT_REQUEST_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'next/headers': ['cookies', 'headers', 'draftMode'],
  'next/server': ['connection'],
  'next/cache': ['unstable_noStore'],
};

/** Auth libraries whose session functions read headers() or cookies() in the App Router. */
export const AUTH_LIBRARY_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'next-auth': ['getServerSession'],
  'next-auth/next': ['getServerSession'],
  '@clerk/nextjs/server': ['auth', 'currentUser'],
  '@auth0/nextjs-auth0': ['getSession'],
};

/** Every request-reading function, by module. */
export const REQUEST_FUNCTIONS: Readonly<Record<string, readonly string[]>> = { ...NEXT_REQUEST_FUNCTIONS, ...AUTH_LIBRARY_FUNCTIONS };

/** Whether `name` imported from `module` reads the request. */
export function isRequestFunction(module: string, name: string): boolean {
  return REQUEST_FUNCTIONS[module]?.includes(name) ?? false;
}
