// confluent-kafka-go (librdkafka): consume "orders", produce "billing", commit both in one transaction.
p, _ := kafka.NewProducer(&kafka.ConfigMap{
	"bootstrap.servers": "localhost:9092",
	"transactional.id":  "billing-1", // implies enable.idempotence=true, acks=all
})
ctx := context.Background()
if err := p.InitTransactions(ctx); err != nil { log.Fatal(err) }

// consumer: group.id=billing, enable.auto.commit=false, isolation.level=read_committed
// After an abort the consumer does not rewind by itself: seek back to the committed offset,
// or the next read skips the message whose output was thrown away.
abort := func(tp kafka.TopicPartition) {
	_ = p.AbortTransaction(ctx)
	if committed, err := c.Committed([]kafka.TopicPartition{tp}, 5000); err == nil && len(committed) == 1 {
		_ = c.Seek(committed[0], 0)
	}
}
for {
	msg, err := c.ReadMessage(100 * time.Millisecond)
	if err != nil { continue }
	_ = p.BeginTransaction()
	out := "billing"
	_ = p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &out, Partition: kafka.PartitionAny}, Key: msg.Key, Value: msg.Value}, nil)
	position, _ := c.Position([]kafka.TopicPartition{msg.TopicPartition})
	meta, _ := c.GetConsumerGroupMetadata()
	if err := p.SendOffsetsToTransaction(ctx, position, meta); err != nil {
		abort(msg.TopicPartition)
		continue
	}
	if err := p.CommitTransaction(ctx); err != nil { abort(msg.TopicPartition) }
}
