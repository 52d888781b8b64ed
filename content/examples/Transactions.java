// Consume from "orders", produce to "billing", commit output and offsets in one transaction.
Properties props = new Properties();
props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "billing-1"); // implies enable.idempotence=true, acks=all
KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
producer.initTransactions(); // fences any older instance with the same transactional.id

// consumer: group.id=billing, enable.auto.commit=false, isolation.level=read_committed
while (true) {
    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
    if (records.isEmpty()) continue;
    producer.beginTransaction();
    try {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            producer.send(new ProducerRecord<>("billing", record.key(), record.value()));
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
        // Fatal for this producer (fenced by a newer instance, a sequence gap, no permission): stop.
        producer.close();
        break;
    } catch (KafkaException abortable) {
        producer.abortTransaction();
        // The consumer does not rewind by itself: without this, the next poll skips the aborted records.
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(records.partitions());
        for (TopicPartition tp : records.partitions()) {
            OffsetAndMetadata last = committed.get(tp);
            if (last != null) consumer.seek(tp, last.offset()); else consumer.seekToBeginning(List.of(tp));
        }
    }
}
