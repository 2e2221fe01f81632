import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export type OutgoingMail = {
	to: string;
	subject: string;
	text: string;
	/** The one link the reader should follow; logged in the embedded setup so nobody needs a mail server. */
	link?: string;
	/** An HTML alternative to `text`, which stays the part every client can read. */
	html?: string;
	/** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notification mail. */
	headers?: Record<string, string>;
};

export type Mailer = { send(mail: OutgoingMail): Promise<void> };

type Log = (line: string) => void;

const message = (from: string, mail: OutgoingMail) => ({
	from,
	to: mail.to,
	subject: mail.subject,
	text: mail.text,
	...(mail.html ? { html: mail.html } : {}),
	...(mail.headers ? { headers: mail.headers } : {})
});

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes DATA_DIR/mail/<time>-<n>.eml and its link
 * goes to the console, which is how a first-time operator verifies the demo accounts.
 */
export function createMailer(cfg: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>, log: Log = console.log): Mailer {
	if (cfg.smtpUrl) {
		const transport = nodemailer.createTransport(cfg.smtpUrl);
		return {
			async send(mail) {
				await transport.sendMail(message(cfg.mailFrom, mail));
			}
		};
	}
	const dir = join(cfg.dataDir, 'mail');
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	let count = 0;
	return {
		async send(mail) {
			const info = await transport.sendMail(message(cfg.mailFrom, mail));
			mkdirSync(dir, { recursive: true });
			const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
			writeFileSync(file, info.message as Buffer);
			// The address is the recipient's own and the link is single-use; the password never passes here.
			log(`[mail] to ${mail.to}: ${mail.subject}${mail.link ? `\n[mail] link: ${mail.link}` : ''}\n[mail] saved ${file}`);
		}
	};
}
