/**
 * The server versions this backend trusts. In clustered nats-server before 2.9.21,
 * `Nats-Expected-Last-Subject-Sequence` could let two concurrent writers of one subject both
 * succeed (nats-server issue #4320). This backend's appends also carry the stream-wide
 * `Nats-Expected-Last-Sequence`, which 2.9 clusters check against in-flight proposals, and its
 * readers refuse duplicate key versions; still, clusters should run 2.9.21 or later.
 */

export const MIN_CLUSTER_VERSION = "2.9.21";

/** Compares dotted versions numerically ("2.9.10" < "2.9.21"); pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map((n) => parseInt(n, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A warning for an unsafe combination, or undefined. `clustered`: the server reports a cluster, or streams are replicated. */
export function checkServerVersion(version: string, clustered: boolean, replicas: number): string | undefined {
  if ((clustered || replicas > 1) && compareVersions(version, MIN_CLUSTER_VERSION) < 0) {
    return (
      `eventc: nats-server ${version} in a cluster is below ${MIN_CLUSTER_VERSION}: its per-subject sequence check can let two ` +
      `concurrent writers of one key both succeed (nats-server issue #4320). eventc also checks the stream-wide sequence and ` +
      `readers reject duplicate key versions with DuplicateVersionError, but upgrade the cluster to ${MIN_CLUSTER_VERSION} or later.`
    );
  }
  return undefined;
}
