/** The drivers by kind: one per learner contract. */
import type { DriverKind } from '../../shared/sandbox-protocol.ts';
import type { Driver } from './driver.ts';
import { runConsumer } from './consumer-driver.ts';
import { runProducer } from './producer-driver.ts';
import { runScript } from './script-driver.ts';
import { runTransactions } from './transactions-driver.ts';

export const DRIVERS: Partial<Record<DriverKind, Driver>> = {
  script: runScript,
  producer: runProducer,
  consumer: runConsumer,
  transactions: runTransactions,
};
