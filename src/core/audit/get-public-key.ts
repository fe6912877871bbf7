// The public half of the checkpoint signing key, for anyone who wants to check checkpoints themselves.
import type { AppContext } from '../context';
import { CHECKPOINT_HEADER } from './checkpoint-signature';
import { loadLedgerKey } from './ledger-key';

export function getPublicKey(ctx: AppContext) {
  const key = loadLedgerKey(ctx.config.ledgerKeyFile);
  return {
    keyId: key.keyId,
    algorithm: 'Ed25519' as const,
    publicKeyPem: key.publicKeyPem,
    checkpointFormat: `${CHECKPOINT_HEADER}\\n<treeSize>\\n<rootHash hex>\\n<ISO-8601 time>`,
  };
}
