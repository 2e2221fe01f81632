import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every use case may reach: the database, the mail and the configuration. */
export type Ctx = { db: Db; mailer: Mailer; config: Config };
