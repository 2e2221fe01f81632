import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;
const doc = openApiDocument('https://commons.example') as unknown as Json & {
	paths: Record<string, Record<string, Json>>;
	components: Json;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

// What the route files actually serve: src/routes/api/v1/communities/[slug]/+server.ts exporting GET becomes
// "GET /api/v1/communities/{slug}". The catch-all [...rest] is the 404 for everything else, not an operation.
function implementedOperations(): string[] {
	const root = join(process.cwd(), 'src/routes/api/v1');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === '+server.ts') {
				const route = relative(root, dir).split(sep).filter(Boolean);
				if (route.some((s) => s.startsWith('[...'))) continue;
				const apiPath = ['/api/v1', ...route.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'))].join('/');
				for (const m of readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
					found.push(`${m[1]} ${apiPath}`);
			}
		}
	};
	walk(root);
	return found.sort();
}

function refsIn(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (k === '$ref' && typeof v === 'string') out.push(v);
			else refsIn(v, out);
		}
	}
	return out;
}

const operations = () =>
	Object.entries(doc.paths).flatMap(([path, item]) =>
		METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Json }))
	);

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 with info, a server and both ways to authenticate', () => {
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
		expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
		expect(doc.servers).toEqual([{ url: 'https://commons.example' }]);
		const schemes = (doc.components as { securitySchemes: Record<string, Json> }).securitySchemes;
		expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
		expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
		expect(Object.keys((doc.components as { schemas: Json }).schemas)).toContain('Problem');
		expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
	});

	it('describes exactly the operations the route files implement', () => {
		const described = operations()
			.map(({ path, method }) => `${method.toUpperCase()} ${path}`)
			.sort();
		expect(described).toEqual(implementedOperations());
		expect(described).toEqual(
			expect.arrayContaining([
				'GET /api/v1',
				'GET /api/v1/openapi.json',
				'GET /api/v1/me',
				'GET /api/v1/communities',
				'POST /api/v1/communities',
				'GET /api/v1/communities/{slug}',
				'POST /api/v1/communities/{slug}/membership',
				'DELETE /api/v1/communities/{slug}/membership',
				'GET /api/v1/profiles/{handle}',
				'GET /api/v1/notes/{id}'
			])
		);
	});

	it('gives every operation a unique id, described responses and declared path parameters', () => {
		const ids = new Set<string>();
		for (const { path, method, op } of operations()) {
			const where = `${method} ${path}`;
			expect(typeof op.operationId, where).toBe('string');
			expect(ids.has(op.operationId as string), where).toBe(false);
			ids.add(op.operationId as string);
			const responses = op.responses as Record<string, Json>;
			expect(Object.keys(responses).length, where).toBeGreaterThan(0);
			expect(
				Object.keys(responses).some((s) => s.startsWith('2')),
				where
			).toBe(true);
			for (const [status, r] of Object.entries(responses)) {
				expect(typeof r.description, `${where} ${status}`).toBe('string');
				const content = r.content as Record<string, unknown> | undefined;
				if (Number(status) >= 400) expect(Object.keys(content ?? {}), `${where} ${status}`).toEqual(['application/problem+json']);
			}
			const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
			expect(declared.map((p) => p.name).sort(), where).toEqual(templated);
			for (const p of declared) expect(p.required, `${where} ${p.name}`).toBe(true);
		}
	});

	it('only refers to components and security schemes it defines', () => {
		const schemas = (doc.components as { schemas: Json }).schemas;
		for (const ref of refsIn(doc)) {
			expect(ref).toMatch(/^#\/components\/schemas\//);
			expect(schemas, ref).toHaveProperty(ref.split('/').at(-1)!);
		}
		const schemes = Object.keys((doc.components as { securitySchemes: Json }).securitySchemes);
		for (const { op } of operations()) {
			for (const requirement of op.security as Json[]) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
		}
	});
});
