// HMAC secrets at rest. The server must know a secret to check a signature, so it cannot
// keep only a hash: with API_KEY_MASTER_KEY the secret is encrypted (AES-256-GCM), without
// it the secret is stored as it is (and the server warns at start).
import crypto from 'node:crypto';

export function sealSecret(secret: string, masterKey: Buffer | undefined): string {
  if (!masterKey) return `plain:${secret}`;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', masterKey, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ciphertext.toString('base64')}`;
}

export function openSecret(sealed: string, masterKey: Buffer | undefined): string {
  if (sealed.startsWith('plain:')) return sealed.slice('plain:'.length);
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('API key secret has an unknown format');
  if (!masterKey) throw new Error('API key secrets are encrypted but API_KEY_MASTER_KEY is not set');
  const decipher = crypto.createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

export const newKeyId = () => `ak_${crypto.randomBytes(12).toString('base64url')}`;
export const newSecret = () => crypto.randomBytes(32).toString('base64url');
