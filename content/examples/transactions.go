// confluent-kafka-go (librdkafka): consume "orders", produce "billing", commit both in one transaction.
p, err := kafka.NewProducer(&kafka.ConfigMap{
	"bootstrap.servers": "localhost:9092",
	"transactional.id":  "billing-1", // implies enable.idempotence=true, acks=all
})
if err != nil { log.Fatal(err) }
ctx := context.Background()
if err := p.InitTransactions(ctx); err != nil { log.Fatal(err) } // fences any older instance with the same transactional.id

// consumer: group.id=billing, enable.auto.commit=false, isolation.level=read_committed
// After an abort the consumer does not rewind by itself: seek back to the committed offset — or to
// the beginning when the group has none yet (OffsetInvalid) — or the next read skips the message.
rewind := func(tp kafka.TopicPartition) {
	committed, err := c.Committed([]kafka.TopicPartition{tp}, 5000)
	if err != nil || len(committed) != 1 { log.Fatalf("cannot rewind %v: %v", tp, err) }
	if committed[0].Offset == kafka.OffsetInvalid { committed[0].Offset = kafka.OffsetBeginning }
	if err := c.Seek(committed[0], 0); err != nil { log.Fatal(err) }
}
// IsFatal(): fenced by a newer instance, a sequence gap, no permission — this producer must stop.
// TxnRequiresAbort() (and anything else not fatal): throw the transaction's output away and redo it.
handleTxnError := func(err error, tp kafka.TopicPartition) {
	if kerr, ok := err.(kafka.Error); ok && kerr.IsFatal() {
		p.Close()
		log.Fatalf("fatal producer error, stopping: %v", err)
	}
	if err := p.AbortTransaction(ctx); err != nil { log.Fatal(err) }
	rewind(tp)
}
for {
	msg, err := c.ReadMessage(100 * time.Millisecond)
	if err != nil {
		if kerr, ok := err.(kafka.Error); ok && kerr.IsFatal() { log.Fatal(err) }
		continue // a timeout: nothing to read yet
	}
	if err := p.BeginTransaction(); err != nil { log.Fatal(err) }
	out := "billing"
	if err := p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &out, Partition: kafka.PartitionAny}, Key: msg.Key, Value: msg.Value}, nil); err != nil {
		handleTxnError(err, msg.TopicPartition)
		continue
	}
	position, _ := c.Position([]kafka.TopicPartition{msg.TopicPartition})
	meta, _ := c.GetConsumerGroupMetadata()
	if err := p.SendOffsetsToTransaction(ctx, position, meta); err != nil {
		handleTxnError(err, msg.TopicPartition)
		continue
	}
	for {
		err := p.CommitTransaction(ctx)
		if err == nil { break }
		if kerr, ok := err.(kafka.Error); ok && kerr.IsRetriable() && !kerr.TxnRequiresAbort() { continue } // commit again
		handleTxnError(err, msg.TopicPartition)
		break
	}
}
