// confluent-kafka-go (librdkafka): consume "orders", produce "billing", commit both in one transaction.
p, _ := kafka.NewProducer(&kafka.ConfigMap{
	"bootstrap.servers": "localhost:9092",
	"transactional.id":  "billing-1", // implies enable.idempotence=true, acks=all
})
ctx := context.Background()
if err := p.InitTransactions(ctx); err != nil { log.Fatal(err) }

// consumer: group.id=billing, enable.auto.commit=false, isolation.level=read_committed
for {
	msg, err := c.ReadMessage(100 * time.Millisecond)
	if err != nil { continue }
	_ = p.BeginTransaction()
	out := "billing"
	_ = p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &out, Partition: kafka.PartitionAny}, Key: msg.Key, Value: msg.Value}, nil)
	position, _ := c.Position([]kafka.TopicPartition{msg.TopicPartition})
	meta, _ := c.GetConsumerGroupMetadata()
	if err := p.SendOffsetsToTransaction(ctx, position, meta); err != nil {
		_ = p.AbortTransaction(ctx)
		continue
	}
	if err := p.CommitTransaction(ctx); err != nil { _ = p.AbortTransaction(ctx) }
}
