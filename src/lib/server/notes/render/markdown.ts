// The one markdown-it instance every note render shares: building it (rules, linkify's patterns) costs far more
// than a render, and nothing in it depends on the caller; per-call data travels in env (env.ts).
import MarkdownIt, { type MarkdownIt as Md } from 'markdown-it';
import { attachmentCards } from './attachment-rule.ts';
import { bareUrlEmbeds } from './embed-rule.ts';
import { headings } from './headings.ts';
import { linkPolicy } from './links.ts';
import { wikiLinks } from './wiki-link-rule.ts';

// GFM table alignment arrives as style="text-align:…", which the sanitiser refuses everywhere: make it a class.
function alignmentClasses(md: Md): void {
	for (const type of ['th_open', 'td_open']) {
		md.renderer.rules[type] = (tokens, idx, options, _env, self) => {
			const token = tokens[idx];
			const align = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
			token.attrs = align ? [['class', `align-${align}`]] : null;
			return self.renderToken(tokens, idx, options);
		};
	}
}

// A fence's info string becomes class="language-…": keep it to a plain language name, so an author cannot write
// arbitrary classes or markup-looking text into the attribute.
function plainFenceLanguage(md: Md): void {
	const fence = md.renderer.rules.fence!;
	md.renderer.rules.fence = (tokens, idx, options, env, self) => {
		const lang = tokens[idx].info.trim().split(/\s+/)[0];
		tokens[idx].info = /^[\w.+#-]{1,32}$/.test(lang) ? lang : '';
		return fence(tokens, idx, options, env, self);
	};
}

// 'default' is CommonMark plus GFM tables and strikethrough. html: false makes raw HTML in a note plain text.
export const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false })
	.use(linkPolicy)
	.use(wikiLinks)
	.use(bareUrlEmbeds)
	.use(attachmentCards)
	.use(headings)
	.use(alignmentClasses)
	.use(plainFenceLanguage);
