/**
 * Fault injection, so that clients (the HTTP client, the provider) can be tested against the
 * failures a real network and server produce: refusals with Retry-After, slowness, and the worst
 * case for retries, a write that committed but whose answer never arrived.
 *
 * Only the process's start-up configuration turns faults on; no request can. The health endpoint
 * is exempt so that whoever waits for the server can tell it is up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultConfig } from './config';
import { ApiError } from './errors';

/** Seconds a client is told to wait after an injected 503. */
export const INJECTED_RETRY_AFTER_SECONDS = 1;

export class Faults {
  constructor(
    private readonly config: FaultConfig,
    /** Told about each dropped answer (the request log would otherwise never show it). */
    private readonly onDrop: (request: FastifyRequest) => void = () => {},
    private readonly random: () => number = Math.random,
  ) {}

  get enabled(): boolean {
    return this.config.errorRate > 0 || this.config.latencyMs > 0 || this.config.dropAfterCommitRate > 0;
  }

  /** A fastify `onRequest` hook that runs before anything else: delay, then maybe refuse. */
  readonly hook = async (_request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (this.config.latencyMs > 0) await sleep(this.config.latencyMs);
    if (this.config.errorRate > 0 && this.random() < this.config.errorRate) {
      throw new ApiError(503, 'unavailable', `the server is unavailable (injected fault); retry after ${INJECTED_RETRY_AFTER_SECONDS} s`, [], {
        'retry-after': String(INJECTED_RETRY_AFTER_SECONDS),
      });
    }
  };

  /**
   * Called after a write committed: maybe close the connection without answering. Returns true
   * when it did, and the caller must then not answer.
   */
  dropAfterCommit(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!(this.config.dropAfterCommitRate > 0 && this.random() < this.config.dropAfterCommitRate)) return false;
    this.onDrop(request);
    reply.hijack();
    reply.raw.socket?.destroy();
    return true;
  }
}
