// Reporter identity (name, e-mail, phone) at rest: AES-256-GCM with a key kept outside the database, in a
// file under <dataDir>/keys created on first use (mode 0600), like the ledger key. A database dump alone
// does not reveal who reported. The complaint id is bound as additional data, so a ciphertext copied onto
// another complaint does not decrypt.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config';
import { keyFile, loadKey, openText, sealText } from '../../core/keys/sealed-text';

export interface ReporterIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const KEY = 'complaints-identity';

export const identityKeyFile = (config: Pick<Config, 'dataDir'>) => keyFile(config, KEY);

export function encryptIdentity(
  config: Pick<Config, 'dataDir'>,
  complaintId: string,
  identity: ReporterIdentity,
): string {
  return sealText(config, KEY, complaintId, JSON.stringify(identity));
}

export function decryptIdentity(
  config: Pick<Config, 'dataDir'>,
  complaintId: string,
  sealed: string,
): ReporterIdentity {
  return JSON.parse(openText(config, KEY, complaintId, sealed)) as ReporterIdentity;
}

/**
 * The shared secret of an SMS/WhatsApp gateway, derived from the module key and the gateway id
 * (HMAC with a purpose label), so no gateway secret is ever stored in the database.
 */
export function gatewaySecret(config: Pick<Config, 'dataDir'>, gatewayId: string): string {
  return createHmac('sha256', loadKey(config, KEY))
    .update(`pamong/complaints-gateway-secret/v1:${gatewayId}`)
    .digest('hex');
}
