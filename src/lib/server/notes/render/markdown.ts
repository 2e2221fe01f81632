// The one markdown-it instance every note render shares: building it (rules, linkify's patterns) costs far more
// than a render, and nothing in it depends on the caller; per-call data travels in env (env.ts).
import MarkdownIt from 'markdown-it';
import { bareUrlEmbeds } from './embed-rule.ts';
import { headings } from './headings.ts';
import { linkPolicy } from './links.ts';
import { wikiLinks } from './wiki-link-rule.ts';

// GFM table alignment arrives as style="text-align:…", which the sanitiser refuses everywhere: make it a class.
function alignmentClasses(md: MarkdownIt): void {
	for (const type of ['th_open', 'td_open']) {
		md.renderer.rules[type] = (tokens, idx, options, _env, self) => {
			const token = tokens[idx];
			const align = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
			token.attrs = align ? [['class', `align-${align}`]] : null;
			return self.renderToken(tokens, idx, options);
		};
	}
}

// 'default' is CommonMark plus GFM tables and strikethrough. html: false makes raw HTML in a note plain text.
export const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false })
	.use(linkPolicy)
	.use(wikiLinks)
	.use(bareUrlEmbeds)
	.use(headings)
	.use(alignmentClasses);
