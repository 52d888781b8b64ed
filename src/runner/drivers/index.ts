/** The drivers by kind. Cluster drivers are added as the exercises that need them land. */
import type { DriverKind } from '../sandbox-protocol.ts';
import type { Driver } from './driver.ts';
import { runConsumer } from './consumer-driver.ts';
import { runProducer } from './producer-driver.ts';
import { runScript } from './script-driver.ts';

export const DRIVERS: Partial<Record<DriverKind, Driver>> = {
  script: runScript,
  producer: runProducer,
  consumer: runConsumer,
};
