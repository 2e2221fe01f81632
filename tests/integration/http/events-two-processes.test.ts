// Issue 6: two app processes on one PostgreSQL deliver each other's events. Each process LISTENs once; a write
// through one reaches the streams open on the other (PostgreSQL only: a PGlite data dir belongs to one process).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, signedIn, tag, tokenOf, ALEX_EMAIL, HOST_EMAIL } from './client.ts';
import { openSse } from './sse.ts';

const PUBLIC = 'en-commun-soutien-et-developpement';
const DISCUSSIONS_API = existsSync(join(ROOT, 'src/routes/api/v1/communities/[slug]/threads/+server.ts'));

describe.runIf(process.env.TEST_DB_KIND === 'postgres')('two app processes on one PostgreSQL', () => {
	let a: RunningApp;
	let b: RunningApp;
	let hostToken: string;
	let alexToken: string;

	beforeAll(async () => {
		a = await startApp({ backend: 'postgres' });
		b = await startApp({ backend: 'postgres', databaseUrl: a.databaseUrl });
		// Tokens live in the shared database: one made through A works on B.
		hostToken = await tokenOf(await signedIn(a.url, HOST_EMAIL));
		alexToken = await tokenOf(await signedIn(a.url, ALEX_EMAIL));
	});
	afterAll(async () => {
		await b?.stop();
		await a?.stop();
	});

	it('deliver to a stream on one the direct message written through the other, both ways', async () => {
		const onA = await openSse(`${a.url}/api/v1/events`, { authorization: `Bearer ${alexToken}` });
		const onB = await openSse(`${b.url}/api/v1/events`, { authorization: `Bearer ${hostToken}` });
		try {
			await Promise.all([onA, onB].map((s) => s.waitFor(/connected/)));
			const toAlex = await apiCall(b.url, '/api/v1/conversations', {
				token: hostToken,
				method: 'POST',
				body: { handles: ['alex'], body: `Par B ${tag()}` }
			});
			expect([200, 201]).toContain(toAlex.status);
			await onA.next((d) => d.type === 'direct_message' && d.conversationId === toAlex.body.id);
			const back = await apiCall(a.url, `/api/v1/conversations/${toAlex.body.id}/messages`, {
				token: alexToken,
				method: 'POST',
				body: { body: 'Réponse par A' }
			});
			expect(back.status).toBe(201);
			const heard = await onB.next((d) => d.type === 'direct_message' && d.conversationId === toAlex.body.id);
			// Once each, not once per listening connection of the writing process.
			await new Promise((r) => setTimeout(r, 300));
			expect(onB.events.filter((e) => e.data === heard.data || JSON.stringify(e.data) === JSON.stringify(heard.data))).toHaveLength(1);
		} finally {
			onA.close();
			onB.close();
		}
	});

	it.runIf(DISCUSSIONS_API)('deliver a message posted through one to anonymous readers on the other', async () => {
		const onA = await openSse(`${a.url}/api/v1/events?community=${PUBLIC}`);
		try {
			await onA.waitFor(/connected/);
			const thread = await apiCall(b.url, `/api/v1/communities/${PUBLIC}/threads`, {
				token: hostToken,
				method: 'POST',
				body: { title: `Par B ${tag()}`, body: 'Écrit sur B, lu sur A.' }
			});
			expect(thread.status).toBe(201);
			await onA.next((d) => d.type === 'thread' && d.threadId === thread.body.id);
		} finally {
			onA.close();
		}
	});

	it('count the streams still open when a process stops', async () => {
		const open = await openSse(`${b.url}/api/v1/events?community=${PUBLIC}`);
		await open.waitFor(/connected/);
		const from = b.logs.length;
		await b.stop();
		await open.ended;
		expect(b.logs.slice(from).join('\n')).toContain('Stopping… (1 live event streams open)');
	});
});
