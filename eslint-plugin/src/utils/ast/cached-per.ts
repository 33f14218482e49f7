/**
 * `compute` run once per key object (a SourceCode, a function node...): what
 * a rule would otherwise recompute for every report it makes in a file, which
 * would make linting a file with many reports quadratic. Extra arguments are
 * only read on the first call for a key, so they must follow from the key (a
 * node's SourceCode). The cache goes with the key when ESLint drops the file.
 */
export function cachedPer<K extends object, A extends unknown[], V>(compute: (key: K, ...rest: A) => V): (key: K, ...rest: A) => V {
  const cache = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key, ...rest);
    cache.set(key, value);
    return value;
  };
}
