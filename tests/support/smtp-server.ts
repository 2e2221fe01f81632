// A real SMTP server in its own process, so mail tests exercise the app's SMTP path end to end.
// Run directly (`node tests/support/smtp-server.ts <messages.jsonl>`) it prints {"port":N} once listening and
// appends each received message, parsed, as one JSON line; tests use startSmtpServer() below.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type ReceivedMail = {
	from: string;
	to: string[];
	subject: string;
	text: string;
	receivedAt: string;
	/** Raw header values by lower-case name (the last of a repeated one), e.g. `list-unsubscribe`. */
	headers?: Record<string, string>;
	html?: string;
};

async function serve(file: string) {
	const { SMTPServer } = await import('smtp-server');
	const { simpleParser } = await import('mailparser');
	const server = new SMTPServer({
		authOptional: true,
		// Plain SMTP on loopback: no certificate to make, and nodemailer does not insist on TLS.
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const mail: ReceivedMail = {
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						receivedAt: new Date().toISOString(),
						headers: Object.fromEntries(
							parsed.headerLines.map((h) => [
								h.key,
								h.line
									.slice(h.line.indexOf(':') + 1)
									.replace(/\r?\n\s+/g, ' ')
									.trim()
							])
						),
						html: typeof parsed.html === 'string' ? parsed.html : undefined
					};
					appendFileSync(file, JSON.stringify(mail) + '\n');
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	server.listen(0, '127.0.0.1', () => {
		const address = server.server.address() as { port: number };
		console.log(JSON.stringify({ port: address.port }));
	});
	process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (import.meta.main) await serve(process.argv[2]);

export type SmtpProcess = {
	url: string;
	messages(): ReceivedMail[];
	waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
	stop(): Promise<void>;
};

/** Spawns the server above and waits for its port. */
export async function startSmtpServer(): Promise<SmtpProcess> {
	const dir = mkdtempSync(join(tmpdir(), 'cp-smtp-'));
	const file = join(dir, 'messages.jsonl');
	writeFileSync(file, '');
	const node = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : 'node_modules/node/bin/node';
	const child = spawn(node, [new URL(import.meta.url).pathname, file], { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise<number>((ok, fail) => {
		child.once('exit', (code) => fail(new Error(`SMTP server exited with ${code}`)));
		createInterface({ input: child.stdout! }).once('line', (line) => ok((JSON.parse(line) as { port: number }).port));
	});
	const messages = () =>
		existsSync(file)
			? readFileSync(file, 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((l) => JSON.parse(l) as ReceivedMail)
			: [];
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		async waitForMail(match, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = messages().find(match);
				if (found) return found;
				if (Date.now() > deadline) throw new Error(`No matching mail within ${timeoutMs} ms; received: ${JSON.stringify(messages())}`);
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((ok) => child.once('exit', ok));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
