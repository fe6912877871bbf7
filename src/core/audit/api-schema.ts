// TypeBox schemas of the audit routes (request and response).
import { type TSchema, Type } from 'typebox';

const MAX_SEQ = Number.MAX_SAFE_INTEGER;
const Hex = Type.String({ description: 'lower-case hex' });
const Size = Type.Integer({ minimum: 1, maximum: MAX_SEQ });

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
};

export const PublicKey = Type.Object({
  keyId: Type.String({ description: 'first 16 hex digits of SHA-256 over the raw 32-byte public key' }),
  algorithm: Type.Literal('Ed25519'),
  publicKeyPem: Type.String(),
  checkpointFormat: Type.String({ description: 'the text each checkpoint signature covers' }),
});

export const Checkpoint = Type.Object({
  treeSize: Type.Integer(),
  rootHash: Hex,
  at: Type.String({ format: 'date-time' }),
  keyId: Type.String(),
  signature: Type.String({ description: 'base64 Ed25519 signature over signedText' }),
  signedText: Type.String(),
});

export const CheckpointPage = Type.Object({
  items: Type.Array(Checkpoint),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const InclusionQuery = Type.Object({
  seq: Size,
  treeSize: Type.Optional(Size),
});

export const InclusionProof = Type.Object({
  seq: Type.Integer(),
  leafIndex: Type.Integer(),
  treeSize: Type.Integer(),
  entryHash: Hex,
  leafHash: Hex,
  proof: Type.Array(Hex),
  rootHash: Hex,
  checkpoint: Checkpoint,
});

export const ConsistencyQuery = Type.Object({ from: Size, to: Size });

export const ConsistencyProof = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fromRoot: Hex,
  toRoot: Hex,
  proof: Type.Array(Hex),
  fromCheckpoint: Checkpoint,
  toCheckpoint: Checkpoint,
});

export const EntriesQuery = Type.Object({
  entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ...PageQuery,
});

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.String()),
  actorKind: Type.String(),
  actorRole: Nullable(Type.String()),
  agencyId: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  beforeDigest: Nullable(Hex),
  afterDigest: Nullable(Hex),
  meta: Type.Unknown(),
  prevHash: Hex,
  hash: Hex,
});

export const EntryPage = Type.Object({
  items: Type.Array(Entry),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const Problem = Type.Object({
  kind: Type.String(),
  seq: Type.Optional(Type.Integer()),
  treeSize: Type.Optional(Type.Integer()),
  count: Type.Optional(Type.Integer()),
  message: Type.String(),
});

export const VerifyReport = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  lastSeq: Nullable(Type.Integer()),
  checkpoints: Type.Integer(),
  latestCheckpoint: Nullable(Type.Object({ treeSize: Type.Integer(), rootHash: Hex, at: Type.String() })),
  keyId: Nullable(Type.String()),
  problems: Type.Array(Problem),
  problemCount: Type.Integer(),
});
