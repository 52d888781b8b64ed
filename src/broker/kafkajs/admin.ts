/**
 * The KafkaJS admin client, for what a course needs: create and list topics, read a group's committed
 * offsets and a topic's offsets. Admin calls are synchronous against the cluster (one hop is not worth
 * modelling for setup work).
 */
import type { ClientContext } from './context.ts';
import { KafkaJSNotImplemented, KafkaJSProtocolError } from './errors.ts';
import { learnerList, learnerString, learnerTopic, learnerTopicConfig } from './learner-input.ts';

/** A topic to create, as KafkaJS's ITopicConfig. */
export interface TopicConfigLike {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  replicaAssignment?: object[];
  configEntries?: { name: string; value: string }[];
}

/** Create an admin client bound to the cluster. */
export function createAdmin(ctx: ClientContext) {
  const cluster = ctx.cluster;
  return {
    connect: async (): Promise<void> => {},
    disconnect: async (): Promise<void> => {},
    listTopics: async (): Promise<string[]> => cluster.topicNames(),
    /** Resolves true when every topic was created, false when some already existed (as KafkaJS). */
    createTopics: async (o: { validateOnly?: boolean; waitForLeaders?: boolean; timeout?: number; topics: TopicConfigLike[] }): Promise<boolean> => {
      let all = true;
      const validateOnly = o?.validateOnly === true;
      for (const t of learnerList(o?.topics, 'topics', learnerTopicConfig)) {
        const minIsr = t.minInsyncReplicas;
        const spec: Parameters<typeof cluster.createTopic>[0] = { topic: t.topic };
        // KafkaJS sends -1 for "broker default": 1 partition, RF = min(3, brokers).
        if (t.numPartitions !== undefined && t.numPartitions > 0) spec.numPartitions = t.numPartitions;
        if (t.replicationFactor !== undefined && t.replicationFactor > 0) spec.replicationFactor = t.replicationFactor;
        if (minIsr !== undefined) spec.minInsyncReplicas = Number(minIsr);
        if (validateOnly) continue;
        const err = cluster.createTopic(spec);
        if (err === 'TOPIC_ALREADY_EXISTS') all = false;
        else if (err) throw new KafkaJSProtocolError(err);
      }
      return all;
    },
    fetchOffsets: async (o: { groupId: string; topics?: string[] }) => {
      const groupId = learnerString(o?.groupId, 'groupId') ?? '';
      const committed = cluster.committedOffsets(groupId);
      const asked = o?.topics;
      const topics = asked !== undefined ? learnerList(asked, 'topics', learnerTopic) : [...new Set(committed.map((c) => c.topic))];
      return topics.map((topic) => ({
        topic,
        partitions: cluster.partitions(topic).map((p) => ({
          partition: p.partition,
          offset: String(cluster.committed(groupId, topic, p.partition) ?? -1),
          metadata: null,
        })),
      }));
    },
    fetchTopicOffsets: async (topic: string) =>
      cluster.partitions(learnerTopic(topic)).map((p) => ({ partition: p.partition, offset: String(p.highWatermark), high: String(p.highWatermark), low: '0' })),
    deleteTopics: async (): Promise<void> => {
      throw new KafkaJSNotImplemented('deleteTopics is not simulated');
    },
    on: (_e: string, _l: (event: never) => void) => () => {},
    logger: () => ctx.logger,
  };
}

/** The simulated admin client's type. */
export type SimAdmin = ReturnType<typeof createAdmin>;
