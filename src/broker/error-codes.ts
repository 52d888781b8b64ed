/**
 * The Kafka protocol errors the simulated brokers answer with: type, numeric code and whether a client
 * may retry (as Kafka's `Errors.java` and KafkaJS classify them). Messages are our own words.
 */

/** A protocol error's identity. */
export interface ProtocolErrorInfo {
  readonly type: string;
  readonly code: number;
  readonly retriable: boolean;
  readonly message: string;
}

function e(type: string, code: number, retriable: boolean, message: string): ProtocolErrorInfo {
  return { type, code, retriable, message };
}

/** Every protocol error the simulator produces, by type. */
export const ERRORS = {
  OFFSET_OUT_OF_RANGE: e('OFFSET_OUT_OF_RANGE', 1, false, 'The requested offset is not within the range of offsets kept by the broker'),
  UNKNOWN_TOPIC_OR_PARTITION: e('UNKNOWN_TOPIC_OR_PARTITION', 3, true, 'This broker does not host this topic-partition'),
  LEADER_NOT_AVAILABLE: e('LEADER_NOT_AVAILABLE', 5, true, 'No leader is available for this partition right now (no in-sync replica is alive)'),
  NOT_LEADER_OR_FOLLOWER: e('NOT_LEADER_OR_FOLLOWER', 6, true, 'This broker is not the leader of the partition any more'),
  REQUEST_TIMED_OUT: e('REQUEST_TIMED_OUT', 7, true, 'The request timed out'),
  NETWORK_EXCEPTION: e('NETWORK_EXCEPTION', 13, true, 'The broker closed the connection before answering'),
  COORDINATOR_NOT_AVAILABLE: e('COORDINATOR_NOT_AVAILABLE', 15, true, 'The coordinator is not available'),
  NOT_ENOUGH_REPLICAS: e('NOT_ENOUGH_REPLICAS', 19, true, 'Fewer in-sync replicas than min.insync.replicas: the write was refused before it was appended'),
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: e('NOT_ENOUGH_REPLICAS_AFTER_APPEND', 20, true, 'The in-sync replicas fell below min.insync.replicas after the write was appended: the record is in the leader log anyway'),
  REBALANCE_IN_PROGRESS: e('REBALANCE_IN_PROGRESS', 27, false, 'The group is rebalancing: the member must rejoin before it can commit'),
  TOPIC_ALREADY_EXISTS: e('TOPIC_ALREADY_EXISTS', 36, false, 'Topic with this name already exists'),
  INVALID_REPLICATION_FACTOR: e('INVALID_REPLICATION_FACTOR', 38, false, 'Replication factor is below 1 or larger than the number of brokers'),
  OUT_OF_ORDER_SEQUENCE_NUMBER: e('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false, 'The broker received an out of order sequence number: data may have been lost'),
  // What KafkaJS sees when fenced: on produce since KIP-588 (Kafka 2.7), and on EndTxn,
  // AddPartitionsToTxn and TxnOffsetCommit at the request versions it sends, where brokers rewrite
  // PRODUCER_FENCED to it. The Java client surfaces it as ProducerFencedException or
  // InvalidProducerEpochException.
  INVALID_PRODUCER_EPOCH: e('INVALID_PRODUCER_EPOCH', 47, false, "The producer's epoch is older than the current one: another instance with the same transactionalId took over, or the coordinator expired the transaction"),
  INVALID_TXN_STATE: e('INVALID_TXN_STATE', 48, false, 'The producer attempted a transactional operation in an invalid state'),
  CONCURRENT_TRANSACTIONS: e('CONCURRENT_TRANSACTIONS', 51, true, 'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing'),
  // Answered only to newer request versions than KafkaJS sends (KafkaJS 2.2.4 has no entry for code
  // 90); kept so that the type is known, the simulator no longer answers with it.
  PRODUCER_FENCED: e('PRODUCER_FENCED', 90, false, 'There is a newer producer with the same transactionalId which fences the current one'),
} as const satisfies Record<string, ProtocolErrorInfo>;

/** A protocol error type name. */
export type ErrorType = keyof typeof ERRORS;
