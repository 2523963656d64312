/**
 * Schema evolution, for build tools: the lock file, the breaking-change check, and the canonical
 * form and fingerprints they are built on. See docs/evolution.md.
 */
export { canonicalSpec, type CanonicalSpec, type CanonicalEventVersion, type CanonicalField, type TypeSchema } from "./canonical.js";
export { fingerprintOf, Fingerprints } from "./fingerprint.js";
export {
  buildLock,
  serializeLock,
  parseLock,
  readLockFile,
  canonicalFromLock,
  DEFAULT_LOCK_FILE,
  LOCK_FORMAT_VERSION,
  type LockFile,
  type LockedEventVersion,
  type LockedType,
  type LockReadResult,
} from "./lock-file.js";
export { updateLock, checkLockFreshness, lockDifferences, type LockUpdate, type LockUpdateOptions } from "./update-lock.js";
export { compareSpecs, compareWithLock, type ComparisonResult } from "./compare.js";
export { checkAgainst, type AgainstSource, type AgainstResult, type CompileSpecs } from "./check-against.js";
export { readGitSpecTree, parseGitTarget, type GitSpecTree, type GitTarget } from "./git-spec-tree.js";
