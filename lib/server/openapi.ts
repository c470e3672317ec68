/**
 * The OpenAPI 3.1 document of the API, generated from the model: each kind's schema from `KINDS`,
 * its paths from kind-paths.ts. No field is listed here, so the document cannot disagree with what
 * the server validates.
 *
 * Two translations make the model's schemas proper OpenAPI: the model's own keywords (`immutable`,
 * `references`, `maxBytes`, …) become `x-osd-*` extensions, and a secret becomes "a write-only
 * string, or the `SecretStatus` a read shows in its place" (what travels on the wire).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { KIND_NAMES, KINDS, PACKAGE_ID_PATTERN, SecretStatus, SiteSchema, type KindName } from '../model';
import { API_BASE, KIND_PATHS } from './kind-paths';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from './routes/audit';

/** The keywords OpenAPI 3.1 (JSON Schema 2020-12) knows; any other keyword is the model's and becomes `x-osd-<name>`. */
const JSON_SCHEMA_KEYWORDS = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'allOf', 'not', 'const', 'enum',
  'default', 'description', 'title', 'examples', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'readOnly', 'writeOnly', 'deprecated', 'nullable',
]);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (kind: KindName) => kind.charAt(0).toUpperCase() + kind.slice(1);

/** A model schema as OpenAPI: extensions renamed, secrets as "value on write, status on read". */
export function toOpenApiSchema(schema: TSchema): Record<string, unknown> {
  return convert(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>);
}

function convert(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const name = JSON_SCHEMA_KEYWORDS.has(key) ? key : `x-osd-${key}`;
    if (key === 'properties' && isObject(value)) {
      out[name] = Object.fromEntries(Object.entries(value).map(([p, s]) => [p, isObject(s) ? convert(s) : s]));
    } else if ((key === 'items' || key === 'not' || key === 'additionalProperties') && isObject(value)) {
      out[name] = convert(value);
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      out[name] = value.map((s) => (isObject(s) ? convert(s) : s));
    } else {
      out[name] = value;
    }
  }
  if (node.writeOnly === true) {
    return { description: out.description, anyOf: [out, { ...ref('SecretStatus'), description: 'What a read returns in place of the secret; sending it back keeps the stored value.' }] };
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- the server's own shapes (envelopes around the model's objects) --------------------------------

const ErrorDetailSchema = Type.Object({
  path: Type.String({ description: 'JSON pointer into the object sent (for a refused delete: into the referencing object).' }),
  rule: Type.String({ description: 'The seed rule (`R1`…`R7`) or the constraint (`maxLength`, `required`, `unknownField`, `unique`, …).' }),
  message: Type.String({ description: 'What is wrong, naming the field, the value and the rule.' }),
  referencedBy: Type.Optional(
    Type.Object({ kind: Type.String(), id: Type.String(), name: Type.Optional(Type.String()) }, { description: 'For a refused delete: the object that references the one being deleted.' }),
  ),
});

const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Machine-readable: badRequest, malformedJson, unauthorized, forbidden, notFound, duplicate, referenced, idempotencyKeyReused, preconditionFailed, payloadTooLarge, unsupportedMediaType, validation, unavailable, internal.' }),
    message: Type.String(),
    details: Type.Array(ErrorDetailSchema),
  }),
});

const AuditRecordSchema = Type.Object({
  seq: Type.Integer({ description: 'Position in the trail; pass the last one seen as `after`.' }),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String({ description: 'Name of the token that made the change.' }),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  kind: Type.String(),
  id: Type.String(),
  before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The object before (as a read shows it: secrets as status).' }),
  after: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The object after (as a read shows it: secrets as status).' }),
});

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Malformed request: JSON, query parameter or header',
  '401': 'No or unknown bearer token',
  '403': 'The token\'s role may not do this',
  '404': 'No such object',
  '409': 'Conflict: duplicate name + version, object still referenced (R2), or Idempotency-Key reused with another request',
  '412': 'If-Match does not match the current ETag',
  '413': 'Request body too large',
  '415': 'Request body is not JSON',
  '422': 'The object breaks the model\'s shape or rules (R1–R7)',
  '503': 'Unavailable; retry after Retry-After seconds',
};

function errors(...statuses: string[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/E${s}` }]));
}

const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ description, schema });
const ETAG = header('Strong ETag of the object; changes on every write.');
const WARNINGS = header('JSON array of `{ path, rule, message }`: advice (R4, …) that did not refuse the write.');

function kindPaths(kind: KindName): Record<string, unknown> {
  const paths = KIND_PATHS[kind];
  const def = KINDS[kind];
  const name = pascal(kind);
  // A parameter that holds a package ID (a package kind's own, or a parent's) has the package ID pattern.
  const parameter = (name: string) => {
    const holdsPackageId = name === 'id' || name === paths.route.parent?.field;
    return { name, in: 'path', required: true, schema: { type: 'string', ...(holdsPackageId ? { pattern: PACKAGE_ID_PATTERN } : {}) } };
  };
  const params = (segments: typeof paths.route.item) => segments.flatMap((s) => ('param' in s ? [parameter(s.param)] : []));
  const idParams = params(paths.route.item);
  const collectionParams = params(paths.route.collection);
  const ifMatch = { name: 'If-Match', in: 'header', required: false, description: 'The ETag last read; 412 when the object changed since.', schema: { type: 'string' } };
  const body = { required: true, content: { 'application/json': { schema: ref(name) } } };
  const one = { 'application/json': { schema: ref(name) } };
  return {
    [paths.collectionTemplate]: {
      parameters: collectionParams,
      get: {
        operationId: `list${name}s`,
        summary: `List ${def.title.toLowerCase()}s`,
        parameters: [
          { name: 'name', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'version', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'The objects', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: ref(name) } }, required: ['items'] } } } },
          ...errors('400', '401', '404', '503'),
        },
      },
      post: {
        operationId: `create${name}`,
        summary: `Create a ${def.title.toLowerCase()}`,
        parameters: [
          { name: 'Idempotency-Key', in: 'header', required: false, description: 'A retried create with the same key answers the first result again.', schema: { type: 'string', maxLength: 255 } },
        ],
        requestBody: body,
        responses: {
          '201': { description: 'Created', headers: { Location: header('URL of the new object'), ETag: ETAG, 'Osd-Warnings': WARNINGS }, content: one },
          ...errors('400', '401', '403', '409', '413', '415', '422', '503'),
        },
      },
    },
    [paths.itemTemplate]: {
      parameters: idParams,
      get: {
        operationId: `get${name}`,
        summary: `Read a ${def.title.toLowerCase()}`,
        responses: { '200': { description: 'The object', headers: { ETag: ETAG }, content: one }, ...errors('401', '404', '503') },
      },
      put: {
        operationId: `replace${name}`,
        summary: `Replace a ${def.title.toLowerCase()} (full replacement)`,
        parameters: [ifMatch],
        requestBody: body,
        responses: {
          '200': { description: 'Replaced', headers: { ETag: ETAG, 'Osd-Warnings': WARNINGS }, content: one },
          ...errors('400', '401', '403', '404', '409', '412', '413', '415', '422', '503'),
        },
      },
      delete: {
        operationId: `delete${name}`,
        summary: `Delete a ${def.title.toLowerCase()}`,
        parameters: [ifMatch],
        responses: { '204': { description: 'Deleted' }, ...errors('401', '403', '404', '409', '412', '503') },
      },
    },
  };
}

/** The whole document. */
export function openApiDocument(serverUrl?: string): Record<string, unknown> {
  const kindSchemas = Object.fromEntries(KIND_NAMES.map((k) => [pascal(k), toOpenApiSchema(KINDS[k].schema)]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'OSD deployment server',
      version: '1',
      description: 'ConfigMgr 2007 operating system deployment content: packages, programs, images, driver packages and task sequences. Generated from the resource model.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths: {
      ...Object.assign({}, ...KIND_NAMES.map(kindPaths)),
      [`${API_BASE}/site`]: {
        get: { operationId: 'getSite', summary: 'The site', responses: { '200': { description: 'The site', content: { 'application/json': { schema: ref('Site') } } }, ...errors('401', '503') } },
      },
      [`${API_BASE}/audit`]: {
        get: {
          operationId: 'listAudit',
          summary: 'The audit trail, oldest first',
          parameters: [
            { name: 'after', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT } },
          ],
          responses: {
            '200': { description: 'Audit records', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: ref('AuditRecord') } }, required: ['items'] } } } },
            ...errors('400', '401', '503'),
          },
        },
      },
      [`${API_BASE}/health`]: {
        get: {
          operationId: 'getHealth',
          summary: 'Whether the server answers (no token needed)',
          security: [],
          responses: { '200': { description: 'Up', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } } } } } } },
        },
      },
      [`${API_BASE}/openapi.json`]: {
        get: { operationId: 'getOpenApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' }, ...errors('401') } },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token with role `reader` (GET) or `admin` (everything).' } },
      schemas: {
        ...kindSchemas,
        SecretStatus: toOpenApiSchema(SecretStatus),
        Site: toOpenApiSchema(SiteSchema),
        Error: toOpenApiSchema(ErrorSchema),
        AuditRecord: toOpenApiSchema(AuditRecordSchema),
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_STATUSES).map(([status, description]) => [
          `E${status}`,
          {
            description,
            ...(status === '503' ? { headers: { 'Retry-After': header('Seconds to wait', { type: 'integer' }) } } : {}),
            content: { 'application/json': { schema: ref('Error') } },
          },
        ]),
      ),
    },
  };
}
