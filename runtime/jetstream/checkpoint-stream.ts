/**
 * Consumer-group checkpoints on JetStream: one small stream (`<PREFIX>__GROUPS`), one subject per
 * group holding its latest position (`max_msgs_per_subject: 1`). A save resolves once the server
 * acknowledged it, i.e. stored it (replicated to a quorum in a cluster).
 *
 * Why not the position of a durable consumer: a message holds a whole append batch and acks are
 * per message, so a consumer could not checkpoint inside a batch; and its ack floor is a stream
 * sequence, not a partition offset. See docs/runtime.md.
 */
import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import { DiscardPolicy, StorageType } from "@nats-io/jetstream";
import type { GroupPosition } from "../log.js";
import type { CheckpointStore } from "../subscription/consumer-group.js";
import { encodeToken, type Namespace } from "./names.js";

export class CheckpointStream implements CheckpointStore {
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #ns: Namespace;
  readonly #replicas: number;
  #ready: Promise<void> | undefined;

  constructor(js: JetStreamClient, jsm: JetStreamManager, ns: Namespace, replicas: number) {
    this.#js = js;
    this.#jsm = jsm;
    this.#ns = ns;
    this.#replicas = replicas;
  }

  get stream(): string {
    return `${this.#ns.streamPrefix}__GROUPS`;
  }

  #subject(group: string): string {
    return `${this.#ns.subjectRoot}._groups.${encodeToken(group)}`;
  }

  async load(group: string): Promise<GroupPosition> {
    await this.#ensure();
    const message = await this.#jsm.streams.getMessage(this.stream, { last_by_subj: this.#subject(group) });
    if (!message) return Object.freeze({});
    const parsed = message.json<Record<string, Record<string, number>>>();
    const out: Record<string, Readonly<Record<number, number>>> = {};
    for (const [topic, offsets] of Object.entries(parsed)) {
      const copy: Record<number, number> = {};
      for (const [p, o] of Object.entries(offsets)) copy[Number(p)] = o;
      out[topic] = Object.freeze(copy);
    }
    return Object.freeze(out);
  }

  async save(group: string, position: GroupPosition): Promise<void> {
    // Retried through reconnects and leader elections; a checkpoint that cannot be saved for 30 s
    // stops the subscription (the engine reports it), it is never silently lost.
    const deadline = Date.now() + 30_000;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#ensure();
        await this.#js.publish(this.#subject(group), JSON.stringify(position), { expect: { streamName: this.stream }, timeout: 5_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, Math.min(1_000, 50 * 2 ** attempt)));
      }
    }
  }

  #ensure(): Promise<void> {
    this.#ready ??= this.#jsm.streams
      .add({
        name: this.stream,
        description: "eventc consumer-group checkpoints (latest per group)",
        subjects: [`${this.#ns.subjectRoot}._groups.>`],
        storage: StorageType.File,
        max_msgs_per_subject: 1,
        discard: DiscardPolicy.Old,
        num_replicas: this.#replicas,
      })
      .then(
        () => undefined,
        (error: unknown) => {
          // Already there (created by another process, maybe with another replica count): use it.
          if ((error as { code?: number })?.code === 10058) return;
          this.#ready = undefined;
          throw error;
        },
      );
    return this.#ready;
  }
}
