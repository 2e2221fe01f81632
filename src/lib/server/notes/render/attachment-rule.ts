// A link to one of this instance's files (/files/{id}/…) alone in its paragraph becomes a card with the file's name,
// type and size, or a player for audio and video; a picture written as a link or image stays a picture. What the
// card says comes from the caller's lookup (only files the viewer may see), and its address is rebuilt from the id
// and the stored name, so nothing the author typed but the label reaches an attribute.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { attachmentIdOf, attachmentPath, attachmentType, formatFileSize } from '../../../domain/attachments.ts';
import type { LinkedAttachment, RenderEnv } from './env.ts';
import { RENDER_STRINGS } from './strings.ts';

interface FileMeta {
	id: string;
	label: string;
	file: LinkedAttachment;
}

const blank = (t: Token) => t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '');

const textOf = (tokens: Token[]) =>
	tokens
		.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' ? ' ' : ''))
		.join('')
		.replace(/\s+/g, ' ')
		.trim();

// The one link or image that makes up a paragraph, with its label; null when the paragraph holds anything else.
function loneTarget(inline: Token): { href: string; label: string; image: Token | null } | null {
	const parts = (inline.children ?? []).filter((t) => !blank(t));
	if (parts.length === 1 && parts[0].type === 'image') {
		return { href: String(parts[0].attrGet('src') ?? ''), label: textOf(parts[0].children ?? []), image: parts[0] };
	}
	const [open, close] = [parts[0], parts.at(-1)];
	if (open?.type !== 'link_open' || close?.type !== 'link_close' || open.info === 'auto') return null;
	const inner = parts.slice(1, -1);
	if (inner.some((t) => t.type === 'link_open' || t.type === 'image')) return null;
	return { href: String(open.attrGet('href') ?? ''), label: textOf(inner), image: null };
}

// A picture's alt text written in the note wins; an empty one takes the alt text stored with the file.
function fillAltText(inline: Token, env: RenderEnv, state: StateCore): void {
	for (const child of inline.children ?? []) {
		if (child.type !== 'image' || textOf(child.children ?? []) !== '') continue;
		const id = attachmentIdOf(String(child.attrGet('src') ?? ''), env.origin);
		const file = id ? env.attachment?.(id) : null;
		if (file?.kind !== 'image' || !file.altText) continue;
		const text = new state.Token('text', '', 0);
		text.content = file.altText;
		child.children = [text];
	}
}

function files(state: StateCore): void {
	const env = state.env as RenderEnv;
	if (!env.attachment) return;
	for (let i = 0; i + 2 < state.tokens.length; i++) {
		const [open, inline, close] = [state.tokens[i], state.tokens[i + 1], state.tokens[i + 2]];
		if (inline?.type === 'inline') fillAltText(inline, env, state);
		if (open.type !== 'paragraph_open' || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
		const target = loneTarget(inline);
		const id = target ? attachmentIdOf(target.href, env.origin) : null;
		const file = id ? env.attachment(id) : null;
		// A picture shown as a picture is the image renderer's (lazy loading, alt text); everything else is ours.
		if (!target || !id || !file || (target.image && file.kind === 'image')) continue;
		const token = new state.Token('note_file', '', 0);
		token.block = true;
		token.meta = { id, label: target.label || file.filename, file } satisfies FileMeta;
		state.tokens.splice(i, 3, token);
	}
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function renderFile(tokens: Token[], idx: number, _options: unknown, env: unknown): string {
	const { id, label, file } = tokens[idx].meta as unknown as FileMeta;
	const { lang } = env as RenderEnv;
	const href = escape(attachmentPath(id, file.filename));
	const type = attachmentType(file.mime);
	const facts = `<span class="file-card-meta">${escape(type?.label ?? file.mime)} · ${escape(formatFileSize(file.size, lang))}</span>`;
	if (file.kind === 'audio' || file.kind === 'video') {
		// The caption's link keeps the file reachable where the browser cannot play it.
		const player = `<${file.kind} controls preload="metadata" src="${href}"></${file.kind}>`;
		return `<figure class="file-media file-${file.kind}">${player}<figcaption><a href="${href}">${escape(label)}</a> ${facts}</figcaption></figure>\n`;
	}
	const action = type?.inline ? RENDER_STRINGS[lang].openFile : RENDER_STRINGS[lang].downloadFile;
	return (
		`<p><a class="file-card" href="${href}"><span class="file-card-name">${escape(label)}</span> ${facts}` +
		` <span class="file-card-action">${escape(action)}</span></a></p>\n`
	);
}

export function attachmentCards(md: MarkdownIt): void {
	md.core.ruler.after('note_embeds', 'note_files', files);
	md.renderer.rules.note_file = renderFile;
}
