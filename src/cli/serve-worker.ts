// One worker process of `govinfo serve --workers N`, forked by the primary (serve-cluster.ts).
import { runServeWorker } from './serve-cluster.js';

await runServeWorker();
