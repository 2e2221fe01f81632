// Heading anchors with a visible "#" permalink, the table of contents (h2–h3) and the word count.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import type { WikiLink } from '../../../domain/wiki-links.ts';
import type { RenderEnv } from './env.ts';
import { headingSlug } from './heading-slug.ts';
import { RENDER_STRINGS } from './strings.ts';
import { wikiLinkPlainText } from './wiki-link-rule.ts';

// A heading's words, for its anchor and its table of contents entry. Wiki links count by what the author wrote, so
// neither changes with the viewer or with a rename of the target.
function headingText(tokens: Token[]): string {
	let text = '';
	for (const t of tokens) {
		if (t.type === 'text' || t.type === 'code_inline') text += t.content;
		else if (t.type === 'wikilink') text += wikiLinkPlainText(t.meta as unknown as WikiLink);
		else if (t.type === 'softbreak' || t.type === 'hardbreak') text += ' ';
	}
	return text.replace(/\s+/g, ' ').trim();
}

// <div class="heading"><hN id="slug">…</hN><a class="heading-anchor" href="#slug" aria-label="…">#</a></div>
// The link sits after the heading, not inside it, so screen readers list headings by their own words. Its name
// comes from env.lang: the markdown-it instance is shared by both languages.
function permalink(slug: string, _opts: unknown, state: StateCore, idx: number): void {
	const { lang } = state.env as RenderEnv;
	const open = new state.Token('heading_wrapper_open', 'div', 1);
	open.attrs = [['class', 'heading']];
	open.block = true;
	const link = new state.Token('link_open', 'a', 1);
	link.attrs = [
		['class', 'heading-anchor'],
		['href', `#${slug}`],
		['aria-label', RENDER_STRINGS[lang].permalink]
	];
	const symbol = new state.Token('text', '', 0);
	symbol.content = '#';
	const close = new state.Token('heading_wrapper_close', 'div', -1);
	close.block = true;
	// idx, idx + 1, idx + 2: heading_open, inline, heading_close.
	state.tokens.splice(idx + 3, 0, link, symbol, new state.Token('link_close', 'a', -1), close);
	state.tokens.splice(idx, 0, open);
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

const countWords = (text: string): number => text.match(WORD)?.length ?? 0;

// After anchors are set: h2–h3 into the table of contents, and the words of all inline text (code blocks excluded)
// to decide whether the note is long enough for one.
function outline(state: StateCore): void {
	const env = state.env as RenderEnv;
	for (let i = 0; i < state.tokens.length; i++) {
		const token = state.tokens[i];
		if (token.type !== 'inline' || !token.children) continue;
		const text = headingText(token.children);
		env.words += countWords(text);
		const heading = state.tokens[i - 1];
		if (heading?.type === 'heading_open' && (heading.tag === 'h2' || heading.tag === 'h3')) {
			env.toc.push({ id: String(heading.attrGet('id')), text, level: heading.tag === 'h2' ? 2 : 3 });
		}
	}
}

export function headings(md: MarkdownIt): void {
	md.use(anchor, {
		slugify: headingSlug,
		getTokensText: headingText,
		// "-2", "-3" for repeated headings; slugs already used by the page are seeded in env (render-note-body.ts).
		uniqueSlugStartIndex: 2,
		// Browsers move focus to a fragment's target without it.
		tabIndex: false,
		permalink: permalink as unknown as anchor.PermalinkGenerator
	});
	md.core.ruler.push('note_outline', outline);
}
