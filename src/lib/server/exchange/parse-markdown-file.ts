import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
import { FrontMatter } from './front-matter.ts';

/** Why a file was not imported: a code (message `exchange_reason_<code>`) and a detail for the person fixing it. */
export interface SkippedFile {
	file: string;
	code:
		| 'not_utf8'
		| 'too_large'
		| 'yaml'
		| 'front_matter'
		| 'empty'
		| 'duplicate_id'
		| 'id_taken'
		| 'community_unknown'
		| 'not_allowed'
		| 'invalid';
	detail: string;
}

export interface ParsedFile {
	file: string;
	meta: FrontMatter;
	title: string;
	body: string;
}

export const MAX_FILE_BYTES = 256 * 1024;
const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const HEADING = /^[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$/;

const baseName = (path: string) =>
	path
		.split('/')
		.pop()!
		.replace(/\.(md|markdown)$/i, '');

const zodDetail = (e: ZodError) => e.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`).join('; ');

/**
 * One Markdown file as a note to import, or the reason it cannot be one. The title comes from the front matter,
 * else the first heading (taken out of the body, since the page shows the title), else the file name.
 */
export function parseMarkdownFile(file: string, bytes: Uint8Array): ParsedFile | SkippedFile {
	if (bytes.length > MAX_FILE_BYTES) return { file, code: 'too_large', detail: `${bytes.length} bytes > ${MAX_FILE_BYTES}` };
	let source: string;
	try {
		source = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return { file, code: 'not_utf8', detail: 'save the file as UTF-8' };
	}
	// PostgreSQL text cannot hold U+0000: refused here, the file is named, rather than failing its chunk's write.
	if (source.includes('\u0000')) return { file, code: 'invalid', detail: 'the file holds a NUL character (U+0000)' };
	let raw: unknown = {};
	let body = source;
	const fence = FENCE.exec(source);
	if (fence) {
		try {
			raw = parseYaml(fence[1]) ?? {};
		} catch (e) {
			const detail = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
			return { file, code: 'yaml', detail };
		}
		if (typeof raw !== 'object' || Array.isArray(raw)) return { file, code: 'yaml', detail: 'the front matter is not a map of keys' };
		body = source.slice(fence[0].length);
	}
	const parsed = FrontMatter.safeParse(raw);
	if (!parsed.success) return { file, code: 'front_matter', detail: zodDetail(parsed.error) };
	const meta = parsed.data;
	let title = meta.title;
	if (!title) {
		const lines = body.split(/\r?\n/);
		const first = lines.findIndex((l) => l.trim() !== '');
		const heading = first >= 0 ? HEADING.exec(lines[first]) : null;
		if (heading) {
			title = heading[1].trim().slice(0, 200);
			body = lines.slice(first + 1).join('\n');
		} else title = baseName(file).trim().slice(0, 200);
	}
	body = body.replace(/^(?:[ \t]*\r?\n)+/, '');
	if (!title) return { file, code: 'empty', detail: 'no title, heading or file name' };
	if (body.length > 200_000) return { file, code: 'too_large', detail: 'the body is over 200,000 characters' };
	return { file, meta, title, body };
}

export const isSkipped = (r: ParsedFile | SkippedFile): r is SkippedFile => 'code' in r;
