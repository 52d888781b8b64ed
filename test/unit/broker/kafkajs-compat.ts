/**
 * Type-level compatibility of the facade with the real kafkajs 2.2.4 types (checked by tsc in
 * kafkajs-types.test.ts). Three directions matter:
 *  - inputs (configs, records, offsets): everything valid for real KafkaJS is valid here;
 *  - outputs (metadata, messages, batches): what real KafkaJS returns fits the facade's types, so code
 *    written here also compiles against KafkaJS; metadata (no bytes) also fits the other way;
 *  - the implementation (cluster.kafkajs) satisfies the learner-facing declarations (kafkajs.d.ts).
 * Bytes are the one deliberate difference: the facade accepts any Uint8Array where KafkaJS wants a
 * Node Buffer, and returns bytes with toString() where KafkaJS returns a Buffer.
 */
import type * as Real from '../../../node_modules/kafkajs/types/index.d.ts';
import type * as Facade from 'kafkajs';
import type { KafkaJsModule } from '../../../src/broker/index.ts';

type Is<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;

// Inputs: real → facade.
export type Inputs = [
  Check<Is<Real.KafkaConfig['clientId'], Facade.KafkaConfig['clientId']>>,
  Check<Is<Real.RetryOptions, Facade.RetryOptions>>,
  // A custom partitioner receives facade messages (bytes, not Buffer), so it is compared apart.
  Check<Is<Omit<Real.ProducerConfig, 'createPartitioner'>, Facade.ProducerConfig>>,
  Check<Is<Real.Message, Facade.Message>>,
  Check<Is<Real.ProducerRecord, Facade.ProducerRecord>>,
  Check<Is<Real.ProducerBatch, Facade.ProducerBatch>>,
  Check<Is<Real.Offsets & { consumerGroupId: string }, Parameters<Facade.Transaction['sendOffsets']>[0]>>,
  Check<Is<Omit<Real.ConsumerConfig, 'partitionAssigners'>, Facade.ConsumerConfig>>,
  Check<Is<Real.ConsumerSubscribeTopics, Facade.ConsumerSubscribeTopics>>,
  Check<Is<Real.ConsumerSubscribeTopic, Facade.ConsumerSubscribeTopic>>,
  Check<Is<Real.TopicPartitionOffsetAndMetadata, Facade.TopicPartitionOffsetAndMetadata>>,
  Check<Is<Real.TopicPartitionOffset, Facade.TopicPartitionOffset>>,
  Check<Is<Real.ITopicConfig, Facade.ITopicConfig>>,
  Check<Is<Parameters<Real.Admin['createTopics']>[0], Parameters<Facade.Admin['createTopics']>[0]>>,
  Check<Is<Parameters<Real.Admin['fetchOffsets']>[0], Parameters<Facade.Admin['fetchOffsets']>[0]>>,
  // Handlers written for real KafkaJS accept what the facade passes them, and vice versa.
  Check<Is<Facade.EachMessageHandler, (p: Facade.EachMessagePayload) => Promise<void>>>,
  Check<Is<Real.ConsumerRunConfig['autoCommit'], Facade.ConsumerRunConfig['autoCommit']>>,
  Check<Is<Real.ConsumerRunConfig['autoCommitInterval'], Facade.ConsumerRunConfig['autoCommitInterval']>>,
  Check<Is<Real.ConsumerRunConfig['autoCommitThreshold'], Facade.ConsumerRunConfig['autoCommitThreshold']>>,
  Check<Is<Real.ConsumerRunConfig['eachBatchAutoResolve'], Facade.ConsumerRunConfig['eachBatchAutoResolve']>>,
];

// Outputs: real → facade, and (no bytes involved) facade → real.
export type Outputs = [
  Check<Is<Real.RecordMetadata, Facade.RecordMetadata>>,
  Check<Is<Facade.RecordMetadata, Real.RecordMetadata>>,
  Check<Is<Real.KafkaMessage, Facade.KafkaMessage>>,
  Check<Is<Real.Batch, Facade.Batch>>,
  Check<Is<Real.EachMessagePayload, Facade.EachMessagePayload>>,
  Check<Is<Real.EachBatchPayload, Facade.EachBatchPayload>>,
  Check<Is<Real.Logger, Facade.Logger>>,
  Check<Is<Facade.Logger, Real.Logger>>,
  Check<Is<Real.KafkaJSProtocolError, Facade.KafkaJSProtocolError>>,
  Check<Is<Facade.KafkaJSProtocolError, Real.KafkaJSProtocolError>>,
  Check<Is<Facade.KafkaJSNumberOfRetriesExceeded, Real.KafkaJSNumberOfRetriesExceeded>>,
  Check<Is<Facade.KafkaJSRequestTimeoutError, Real.KafkaJSRequestTimeoutError>>,
  Check<Is<Facade.KafkaJSConnectionError, Real.KafkaJSConnectionError>>,
  Check<Is<Awaited<ReturnType<Real.Producer['send']>>, Awaited<ReturnType<Facade.Producer['send']>>>>,
  Check<Is<Awaited<ReturnType<Facade.Producer['send']>>, Awaited<ReturnType<Real.Producer['send']>>>>,
  Check<Is<keyof Real.Transaction, keyof Facade.Transaction>>,
  Check<Is<keyof Facade.Transaction, keyof Real.Transaction>>,
  // Instrumentation: the same event names, and listeners written for either accept the other's events.
  Check<Is<Real.ConsumerEvents, Facade.ConsumerEvents>>,
  Check<Is<Facade.ConsumerEvents, Real.ConsumerEvents>>,
  Check<Is<Real.ProducerEvents, Facade.ProducerEvents>>,
  Check<Is<Facade.ProducerEvents, Real.ProducerEvents>>,
  Check<Is<Real.Consumer['events'], Facade.Consumer['events']>>,
  Check<Is<Real.Producer['events'], Facade.Producer['events']>>,
  Check<Is<Real.ConsumerGroupJoinEvent, Facade.ConsumerGroupJoinEvent>>,
  Check<Is<Facade.ConsumerGroupJoinEvent, Real.ConsumerGroupJoinEvent>>,
  Check<Is<Real.ConsumerCommitOffsetsEvent, Facade.ConsumerCommitOffsetsEvent>>,
  Check<Is<Facade.ConsumerCommitOffsetsEvent, Real.ConsumerCommitOffsetsEvent>>,
  Check<Is<Real.ConsumerCrashEvent, Facade.ConsumerCrashEvent>>,
  Check<Is<Facade.ConsumerCrashEvent, Real.ConsumerCrashEvent>>,
  Check<Is<Real.ConsumerEndBatchProcessEvent, Facade.ConsumerEndBatchProcessEvent>>,
  Check<Is<Facade.ConsumerFetchEvent, Real.ConsumerFetchEvent>>,
  Check<Is<ReturnType<Facade.Consumer['on']>, ReturnType<Real.Consumer['on']>>>,
];

// The implementation satisfies the declarations the editor shows.
type Impl = KafkaJsModule;
type ImplKafka = InstanceType<Impl['Kafka']>;
type ImplProducer = ReturnType<ImplKafka['producer']>;
type ImplConsumer = ReturnType<ImplKafka['consumer']>;
type ImplAdmin = ReturnType<ImplKafka['admin']>;
type ImplTransaction = Awaited<ReturnType<ImplProducer['transaction']>>;
export type Implementation = [
  Check<Is<ImplKafka, Facade.Kafka>>,
  Check<Is<ImplProducer, Facade.Producer>>,
  Check<Is<ImplTransaction, Facade.Transaction>>,
  Check<Is<ImplConsumer, Facade.Consumer>>,
  Check<Is<ImplAdmin, Facade.Admin>>,
  Check<Is<ConstructorParameters<typeof Facade.Kafka>[0], ConstructorParameters<Impl['Kafka']>[0]>>,
  Check<Is<Impl['logLevel'], typeof Facade.logLevel>>,
  Check<Is<Impl['CompressionTypes'], typeof Facade.CompressionTypes>>,
  Check<Is<InstanceType<Impl['KafkaJSProtocolError']>, Facade.KafkaJSProtocolError>>,
  Check<Is<Impl['Buffer'], typeof Facade.Buffer>>,
  Check<Is<Facade.Bytes, Facade.KafkaMessage['value'] & object>>,
];
