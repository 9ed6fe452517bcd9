/**
 * Reads string values out of Nuxt 2's `window.__NUXT__=(function(a,b,…){…}(v1,v2,…))` without
 * running it: the state refers to repeated values by parameter name, so names are resolved
 * against the literal arguments at the end. Only strings are resolved; anything else is skipped.
 */

/** Literal call arguments, as strings where they are string literals (else undefined). */
function stringArgs(src: string, from: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      try {
        out.push(JSON.parse(src.slice(i, j + 1)) as string);
      } catch {
        out.push(undefined);
      }
      i = j + 1;
    } else if (c === ')') {
      break;
    } else {
      // A non-string argument (number, null, void 0, Array(6), {}): skip to the next comma.
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        const d = src[j]!;
        if (d === '(' || d === '{' || d === '[') depth++;
        else if (d === ')' || d === '}' || d === ']') {
          if (depth === 0) break;
          depth--;
        } else if (d === ',' && depth === 0) break;
      }
      out.push(undefined);
      i = j;
    }
    while (src[i] === ',' || src[i] === ' ') i++;
  }
  return out;
}

/** Resolves a value token (`"Klaviyo"` or a parameter name) to a string. */
export function nuxtResolver(script: string): ((token: string) => string | undefined) | undefined {
  const head = /^\s*window\.__NUXT__\s*=\s*\(function\(([\w$,]*)\)\{/.exec(script);
  const call = script.lastIndexOf('}(');
  if (!head || call < 0) return undefined;
  const names = head[1]!.split(',');
  const args = stringArgs(script, call + 2);
  const byName = new Map(names.map((n, i) => [n, args[i]]));
  return (token) => {
    if (token.startsWith('"')) {
      try {
        return JSON.parse(token) as string;
      } catch {
        return undefined;
      }
    }
    return byName.get(token);
  };
}

/** `prettyName`s of the first `skills:[{…}]` array (the profile's own skills come first in the state). */
export function nuxtSkills(script: string): string[] | undefined {
  const start = script.indexOf('skills:[{');
  const resolve = start >= 0 ? nuxtResolver(script) : undefined;
  if (!resolve) return undefined;
  let depth = 0;
  let end = start + 'skills:'.length;
  for (; end < script.length; end++) {
    const c = script[end]!;
    if (c === '"') {
      for (end++; end < script.length && script[end] !== '"'; end++) if (script[end] === '\\') end++;
    } else if (c === '[') {
      depth++;
    } else if (c === ']' && --depth === 0) {
      break;
    }
  }
  const body = script.slice(start, end);
  const names = [...body.matchAll(/prettyName:("(?:[^"\\]|\\.)*"|[\w$]+)/g)].map((m) => resolve(m[1]!));
  return names.filter((n): n is string => !!n);
}
