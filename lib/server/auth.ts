/**
 * Bearer-token authentication and the two roles: `reader` may read (GET/HEAD), `admin` may do
 * everything. The token's name, not its secret, is the actor the audit trail records.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, TokenSpec } from './config';
import { ApiError } from './errors';

export interface Actor {
  readonly name: string;
  readonly role: Role;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

export class Authenticator {
  /** Tokens by the SHA-256 of their secret: a lookup does not compare secrets byte by byte. */
  private readonly byDigest = new Map<string, Actor>();
  private readonly actors = new WeakMap<FastifyRequest, Actor>();

  constructor(tokens: readonly TokenSpec[]) {
    for (const t of tokens) this.byDigest.set(digest(t.secret), { name: t.name, role: t.role });
  }

  /** A fastify `onRequest` hook: identifies the caller and checks the role against the method. */
  readonly hook = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined) {
      throw unauthorized('the request has no Authorization header; send "Authorization: Bearer <token>"');
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('the Authorization header is not "Bearer <token>"');
    const actor = this.byDigest.get(digest(match[1]));
    if (!actor) throw unauthorized('the bearer token is not known to this server');
    if (actor.role !== 'admin' && !READ_METHODS.has(request.method)) {
      throw new ApiError(403, 'forbidden', `token ${JSON.stringify(actor.name)} has role "${actor.role}"; ${request.method} ${request.url.split('?')[0]} needs role "admin"`);
    }
    this.actors.set(request, actor);
  };

  /** The caller of a request that passed the hook. */
  actorOf(request: FastifyRequest): Actor {
    const actor = this.actors.get(request);
    if (!actor) throw new Error('actorOf called for a request that was not authenticated');
    return actor;
  }
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer realm="osd-server"' });
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
