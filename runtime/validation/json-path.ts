/**
 * JSON paths in validation issues: `$.lines[2].quantity`, and `$.prices["a b"]` for keys that
 * are not plain identifiers (so every path can be read back unambiguously).
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of member `key` of the object at `path`. */
export function memberPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The path of element `index` of the list at `path`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
