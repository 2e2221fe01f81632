import type { BetterAuthPlugin } from 'better-auth';
import { createAuth, type Auth } from './accounts/index.ts';
import { config } from './config.ts';
import type { Ctx } from './context.ts';
import { appDatabase } from './db/index.ts';
import { createMailer } from './mail/mailer.ts';

export type App = { ctx: Ctx; auth: Auth };

// The context is per process (one database, one mailer) and shared by the bundled app and server.ts through
// globalThis; the auth instance is per module copy, because only the web app adds the SvelteKit cookie plugin.
const KEY = Symbol.for('commonplace.ctx');
type Holder = { [KEY]?: Promise<Ctx> };

export function getCtx(): Promise<Ctx> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		const cfg = config();
		const database = await appDatabase(cfg);
		return { db: database.db, config: cfg, mailer: createMailer(cfg) };
	})();
	return holder[KEY];
}

let app: Promise<App> | undefined;
export function getApp(plugins: BetterAuthPlugin[] = []): Promise<App> {
	app ??= getCtx().then((ctx) => ({ ctx, auth: createAuth(ctx, plugins) }));
	return app;
}
