// The one place that reads the process environment. Everything else receives a parsed Config.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Spam protection for what reaches other people's inboxes and bells. A person in a lively exchange sends a message
 * every half-minute at most: 120 an hour leaves them room while stopping a script writing to everyone. Sharing a
 * note is rarer: 30 an hour covers an author sharing a batch of new notes.
 */
export const DEFAULT_MESSAGING_LIMITS = { directMessagesPerHour: 120, sharesPerHour: 30 } as const;

const Env = z.object({
	DATABASE_URL: z.string().url().optional().describe('PostgreSQL server; PGlite under DATA_DIR/db when unset'),
	DATA_DIR: z.string().default('./data').describe('Embedded database, mail drop, uploaded files'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	PUBLIC_URL: z.string().url().optional().describe('Origin users reach the instance at'),
	SMTP_URL: z.string().optional().describe('smtp:// or smtps:// URL; mail goes to DATA_DIR/mail when unset'),
	MAIL_FROM: z.string().default('Commonplace <no-reply@commonplace.localhost>'),
	AUTH_SECRET: z.string().min(32).optional().describe('Signs sessions; generated into DATA_DIR when unset'),
	DEMO_CONTENT: z.enum(['auto', 'off']).default('auto'),
	PAGE_CACHE_MB: z.coerce.number().min(0).default(64).describe('Memory for cached anonymous pages; 0 turns the cache off'),
	SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10).describe('Sign-in attempts per address in 15 minutes'),
	SIGN_IN_LIMIT_PER_CLIENT: z.coerce
		.number()
		.int()
		.min(1)
		.default(30)
		.describe('Sign-in attempts per client address in 15 minutes (raise it where many people share one address)'),
	DM_LIMIT_PER_HOUR: z.coerce
		.number()
		.int()
		.min(1)
		.default(DEFAULT_MESSAGING_LIMITS.directMessagesPerHour)
		.describe('Direct messages an account may send in an hour, first messages of new conversations included'),
	SHARE_LIMIT_PER_HOUR: z.coerce
		.number()
		.int()
		.min(1)
		.default(DEFAULT_MESSAGING_LIMITS.sharesPerHour)
		.describe('Notes an account may share into discussions in an hour')
});

export type Config = {
	databaseUrl: string | undefined;
	dataDir: string;
	port: number;
	host: string;
	publicUrl: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	authSecret: string;
	demoContent: boolean;
	pageCacheBytes: number;
	signInLimits: { perEmail: number; perClient: number };
	messagingLimits: { directMessagesPerHour: number; sharesPerHour: number };
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = Env.safeParse(blanksRemoved);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	const dataDir = resolve(e.DATA_DIR);
	return {
		databaseUrl: e.DATABASE_URL,
		dataDir,
		port: e.PORT,
		host: e.HOST,
		publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		authSecret: e.AUTH_SECRET ?? persistedSecret(dataDir),
		demoContent: e.DEMO_CONTENT === 'auto',
		pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
		signInLimits: { perEmail: e.SIGN_IN_LIMIT_PER_EMAIL, perClient: e.SIGN_IN_LIMIT_PER_CLIENT },
		messagingLimits: { directMessagesPerHour: e.DM_LIMIT_PER_HOUR, sharesPerHour: e.SHARE_LIMIT_PER_HOUR }
	};
}

// An embedded instance must keep its sessions valid across restarts without asking the operator for a secret.
function persistedSecret(dataDir: string): string {
	const file = join(dataDir, 'auth-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret + '\n', { mode: 0o600 });
	return secret;
}

let cached: Config | undefined;
/** The configuration of this process, read once. */
export const config = (): Config => (cached ??= loadConfig());
