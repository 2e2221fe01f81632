// Sign-up mail over real SMTP: the app sends to an SMTP server in another process, the test reads the message,
// follows its link over HTTP, and the account can then sign in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { startSmtpServer, type SmtpProcess } from '../../support/smtp-server.ts';
import { client } from './client.ts';

let smtp: SmtpProcess;
let app: RunningApp;
beforeAll(async () => {
	smtp = await startSmtpServer();
	app = await startApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
	await app?.stop();
	await smtp?.stop();
});

it('mails a verification link on sign-up; following it activates the account', async () => {
	const email = `camille-${Date.now()}@example.org`;
	const password = 'une phrase de passe assez longue';
	const browser = client(app.url);

	const form = await browser.get('/fr/sign-up');
	expect(form.status).toBe(200);
	const signedUp = await browser.postForm('/fr/sign-up', {
		email,
		password,
		handle: 'camille-test',
		displayName: 'Camille Test',
		locale: 'fr'
	});
	expect(signedUp.status).toBe(200);
	expect(await signedUp.text()).toContain(email);

	// Not verified yet: the form refuses to sign in.
	const early = await client(app.url).postForm('/fr/sign-in', { email, password });
	expect(early.status).toBe(403);

	const mail = await smtp.waitForMail((m) => m.to.includes(email));
	expect(mail.subject).toBeTruthy();
	const link = mail.text.match(/https?:\/\/\S+/)?.[0];
	expect(link, mail.text).toBeDefined();
	expect(link!.startsWith(`${app.url}/`)).toBe(true);
	// The mail went out over SMTP, not to the console fallback.
	expect(app.logs.join('\n')).not.toContain('[mail] link:');

	const verified = await browser.get(link!);
	expect(verified.status).toBe(302);
	expect(verified.headers.get('location')).toMatch(/^(\/fr\/welcome|http:\/\/127\.0\.0\.1:\d+\/fr\/welcome)/);
	const welcome = await browser.follow(verified);
	expect(welcome.status).toBe(200);

	const later = client(app.url);
	const signedIn = await later.postForm('/fr/sign-in', { email, password });
	expect(signedIn.status).toBe(303);
	const home = await later.follow(signedIn);
	expect(await home.text()).toContain('Camille Test');
});
