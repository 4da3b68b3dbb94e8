// Password hashing with Node's built-in, memory-hard scrypt (no native addon), a random
// salt per password, and a timing-safe comparison. The parameters are stored with each
// hash ("scrypt$N$r$p$salt$hash"), so raising them later only rehashes at the next login.
import crypto from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; the default cap (32 MiB) is exactly that at N=2^15.
    crypto.scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

// Full-width letters typed with a Chinese IME become the ASCII ones (NFKC).
const normalise = (password: string) => password.normalize('NFKC');

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const key = await scrypt(normalise(password), salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export interface Verification {
  ok: boolean;
  /** Stored with weaker parameters than today's: hash the password again. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string): Promise<Verification> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return { ok: false, needsRehash: false };
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await scrypt(normalise(password), Buffer.from(parts[4]!, 'base64'), n, r, p);
  const ok = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  return { ok, needsRehash: ok && (n < N || r < R || p < P) };
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check, so an unknown login answers as slowly as a known one. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
}

export const PASSWORD_RULE = '至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类，且不含登录名';

/** The password policy (等保 2.0: length and mixed character classes). Returns what is wrong, in Chinese. */
export function passwordProblem(password: string, login?: string): string | undefined {
  const normalised = normalise(password);
  if (normalised.length < 10) return `密码太短：${PASSWORD_RULE}`;
  if (normalised.length > 128) return '密码最多 128 个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(normalised)).length;
  if (classes < 3) return `密码太简单：${PASSWORD_RULE}`;
  if (login && normalised.toLowerCase().includes(login.toLowerCase())) return '密码不能包含登录名';
  return undefined;
}

// No 0/O, 1/l/I: generated passwords are read aloud and typed from paper.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?';

export function generatePassword(length = 14): string {
  const pick = (set: string) => set[crypto.randomInt(set.length)]!;
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
