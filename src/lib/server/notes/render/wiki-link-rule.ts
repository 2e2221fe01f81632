// [[…]] in the rendered body. The syntax is the domain's (matchWikiLinkAt), so what the page shows as a link is what
// saving records as a link. Which note it leads to, if any, is the caller's resolve(): only notes the viewer may see.
import { RENDER_STRINGS } from './strings.ts';
import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import { matchWikiLinkAt, type WikiLink } from '../../../domain/wiki-links.ts';
import type { RenderEnv } from './env.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The words a wiki link contributes to a heading's anchor and the table of contents, the same for every viewer. */
export function wikiLinkPlainText(link: WikiLink): string {
	return link.label ?? (link.target.kind === 'title' ? link.target.title : '');
}

function wikiLinkRule(state: StateInline, silent: boolean): boolean {
	if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
	// Inside [text](url) a second link would nest <a> elements; leave the brackets as text there.
	if (state.linkLevel > 0) return false;
	const match = matchWikiLinkAt(state.src, state.pos);
	if (!match || match.end > state.posMax) return false;
	if (!silent) {
		const token = state.push('wikilink', '', 0);
		token.meta = { target: match.target, label: match.label };
	}
	state.pos = match.end;
	return true;
}

// A hidden note and a missing one must come out byte for byte the same: both are "unresolved" here.
function renderWikiLink(tokens: Token[], idx: number, _options: unknown, env: unknown): string {
	const link = tokens[idx].meta as unknown as WikiLink;
	const { resolve, createHref } = env as RenderEnv;
	const resolved = resolve(link.target);
	if (resolved) {
		const text = link.label ?? (link.target.kind === 'title' ? link.target.title : resolved.title);
		return `<a class="wikilink" href="${escape(resolved.href)}">${escape(text)}</a>`;
	}
	if (link.target.kind === 'title') {
		const text = link.label ?? link.target.title;
		const href = createHref(link.target.title);
		const hint = RENDER_STRINGS[(env as RenderEnv).lang].createNote;
		// The hint is spoken and hovered: a sighted reader sees the dashed style, a screen reader hears it.
		if (href !== null)
			return `<a class="wikilink-missing" href="${escape(href)}" title="${escape(hint)}">${escape(text)}<span class="visually-hidden"> (${escape(hint)})</span></a>`;
		return `<span class="wikilink-missing">${escape(text)}</span>`;
	}
	// An id with no visible note names nothing to create: show what the author wrote.
	return `<span class="wikilink-missing">${escape(link.label ?? `id:${link.target.id}`)}</span>`;
}

export function wikiLinks(md: MarkdownIt): void {
	md.inline.ruler.before('link', 'wikilink', wikiLinkRule);
	md.renderer.rules.wikilink = renderWikiLink;
}
