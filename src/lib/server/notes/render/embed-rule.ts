// A paragraph holding nothing but a bare URL becomes an embedded player or board (embeds.ts), or else a link card.
// Only bare URLs: a written [label](url) stays a link, as its author chose.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { recogniseEmbed, type Embed } from './embeds.ts';
import type { RenderEnv } from './env.ts';
import { EXTERNAL_REL, isExternal } from './links.ts';
import { RENDER_STRINGS } from './strings.ts';

/** The iframe sandbox: players need scripts and their own origin; no top navigation, popups or forms. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';
export const EMBED_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';

interface BareUrl {
	href: string;
	text: string;
	host: string;
}

const blank = (t: Token) => t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '');

// linkify's and <autolink>'s links carry info "auto"; the text must be the address itself, scheme included.
function bareUrl(inline: Token): BareUrl | null {
	const parts = (inline.children ?? []).filter((t) => !blank(t));
	if (parts.length !== 3) return null;
	const [open, text, close] = parts;
	if (open.type !== 'link_open' || open.info !== 'auto' || text.type !== 'text' || close.type !== 'link_close') return null;
	const href = String(open.attrGet('href') ?? '');
	if (!/^https?:\/\//i.test(href) || !/^https?:\/\//i.test(text.content)) return null;
	try {
		return { href, text: text.content, host: new URL(href).hostname };
	} catch {
		return null;
	}
}

function embeds(state: StateCore): void {
	const { peertubeHosts } = state.env as RenderEnv;
	for (let i = 0; i + 2 < state.tokens.length; i++) {
		const [open, inline, close] = [state.tokens[i], state.tokens[i + 1], state.tokens[i + 2]];
		if (open.type !== 'paragraph_open' || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
		const url = bareUrl(inline);
		if (!url) continue;
		const embed = recogniseEmbed(url.href, peertubeHosts);
		const token = new state.Token(embed ? 'note_embed' : 'note_link_card', '', 0);
		token.block = true;
		token.meta = { ...url, embed };
		state.tokens.splice(i, 3, token);
	}
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function anchor(url: BareUrl, origin: string | null, inner: string): string {
	const rel = isExternal(url.href, origin) ? ` rel="${EXTERNAL_REL}"` : '';
	return `<a href="${escape(url.href)}"${rel}>${inner}</a>`;
}

function renderEmbed(tokens: Token[], idx: number, _options: unknown, env: unknown): string {
	const meta = tokens[idx].meta as unknown as BareUrl & { embed: Embed };
	const { lang, origin } = env as RenderEnv;
	const { provider, src, referrerPolicy } = meta.embed;
	const frame =
		`<iframe src="${escape(src)}" title="${escape(RENDER_STRINGS[lang][provider])}" sandbox="${EMBED_SANDBOX}"` +
		` allow="${EMBED_ALLOW}" allowfullscreen loading="lazy" referrerpolicy="${referrerPolicy}"></iframe>`;
	// The caption keeps the address reachable where frames are blocked or scripts are off.
	return `<figure class="embed embed-${provider}">${frame}<figcaption>${anchor(meta, origin, escape(meta.text))}</figcaption></figure>\n`;
}

function renderLinkCard(tokens: Token[], idx: number, _options: unknown, env: unknown): string {
	const meta = tokens[idx].meta as unknown as BareUrl;
	const inner = `<span class="link-card-host">${escape(meta.host)}</span> <span class="link-card-url">${escape(meta.text)}</span>`;
	return `<p class="link-card">${anchor(meta, (env as RenderEnv).origin, inner)}</p>\n`;
}

export function bareUrlEmbeds(md: MarkdownIt): void {
	md.core.ruler.after('linkify', 'note_embeds', embeds);
	md.renderer.rules.note_embed = renderEmbed;
	md.renderer.rules.note_link_card = renderLinkCard;
}
