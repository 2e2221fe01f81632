// Input and output shapes of discussions: forms and the API parse with these, presenters return the JSON ones and
// the OpenAPI document is generated from them.
import { z } from 'zod';
import { PageQuery } from '../db/cursor.ts';

export const MESSAGE_MAX = 20_000;

const body = z.string().trim().min(1, 'message_body_required').max(MESSAGE_MAX, 'message_body_too_long').describe('Markdown');
const slugs = z.array(z.string().trim().toLowerCase().min(1).max(60)).max(20);

export const StartThreadInput = z
	.object({
		body,
		title: z.string().trim().max(200, 'title_too_long').default('').describe('Optional: a light post is named by its first words'),
		alsoIn: slugs
			.default([])
			.describe('Slugs of other communities to cross-post to, where the caller is an active member: one thread, shown in each')
	})
	.meta({ id: 'StartThread' });
export type StartThreadInput = z.infer<typeof StartThreadInput>;

/** The form of the community page; its `alsoIn` checkboxes arrive as repeated fields, which the route reads. */
export const StartThreadForm = z.object({ body, title: z.string().trim().max(200, 'title_too_long').default('') });

export const PostMessageInput = z
	.object({
		body,
		parentId: z.string().min(1).max(64).nullish().describe('The message replied to; absent or null: a reply to the thread')
	})
	.meta({ id: 'PostMessage' });
export type PostMessageInput = z.infer<typeof PostMessageInput>;

export const EditMessageInput = z.object({ body }).meta({ id: 'EditMessage' });
export type EditMessageInput = z.infer<typeof EditMessageInput>;

export const ReportInput = z
	.object({ reason: z.string().trim().min(1, 'report_reason_required').max(2000, 'report_reason_too_long') })
	.meta({ id: 'ReportMessage' });
export type ReportInput = z.infer<typeof ReportInput>;

export const ListThreadsQuery = PageQuery;
export type ListThreadsQuery = z.infer<typeof ListThreadsQuery>;

const Person = z.object({ handle: z.string(), name: z.string() }).nullable().describe('null once the account is gone');

export const SharedNoteJson = z
	.object({
		id: z.string(),
		title: z.string(),
		summary: z.string(),
		language: z.string(),
		authors: z.array(z.object({ handle: z.string(), name: z.string() })),
		externalAuthors: z.array(z.string()).describe('Authors without an account here'),
		url: z.url()
	})
	.meta({ id: 'SharedNote', description: 'The card of a note shared into a discussion' });

export const MessageFileJson = z
	.object({
		id: z.string(),
		kind: z.enum(['image', 'document', 'audio', 'video']).describe('What the file is, from its bytes'),
		filename: z.string().describe('Name it is offered under, with the extension of its real type'),
		mime: z.string().describe('Media type found in its bytes'),
		size: z.number().int().describe('Size in bytes'),
		altText: z.string().describe('Text alternative of a picture; empty for other files'),
		url: z.url().describe('Where it is served; 404 to whoever may not read the message')
	})
	.meta({ id: 'MessageFile', description: 'A file carried by a message' });
const Place = z.object({ slug: z.string(), name: z.string() });

export const MessageJson = z
	.object({
		id: z.string(),
		parentId: z.string().nullable().describe('The message replied to (a top-level message of the thread), or null'),
		replyTo: z.string().nullable().describe('The message this answers when it was a reply to a reply'),
		author: Person,
		body: z.string().nullable().describe('Markdown; null when deleted, or hidden from the caller'),
		html: z.string().nullable().describe('Sanitised HTML of the body'),
		createdAt: z.iso.datetime(),
		editedAt: z.iso.datetime().nullable(),
		deleted: z.boolean(),
		hidden: z.boolean().describe('Hidden by a host: its text is shown to hosts only'),
		tags: z.array(z.string()),
		files: z.array(MessageFileJson).describe('Its files, in the order they were attached; none when its text is not shown'),
		note: SharedNoteJson.nullable().describe('The note it shares (notes in discussions), when the caller may see that note; else null'),
		url: z.url()
	})
	.meta({ id: 'Message' });
export type MessageJson = z.infer<typeof MessageJson>;

export const ThreadSummaryJson = z
	.object({
		id: z.string(),
		title: z.string().describe('Its title, or the first words of its first message'),
		hasTitle: z.boolean(),
		community: Place.describe('Its home community, or the first community it is shown in that the caller may read'),
		shownIn: z.array(Place).describe('The communities it is shown in that the caller may read'),
		author: Person,
		createdAt: z.iso.datetime(),
		lastMessageAt: z.iso.datetime(),
		locked: z.boolean(),
		messageCount: z.number().int().describe('Messages the caller may see, the first one included'),
		excerpt: z.string(),
		url: z.url()
	})
	.meta({ id: 'ThreadSummary' });

export const ThreadPageJson = z.object({ items: z.array(ThreadSummaryJson), next: z.string().nullable() }).meta({ id: 'ThreadPage' });

export const ThreadJson = ThreadSummaryJson.extend({
	messages: z.array(MessageJson).describe('In order: each top-level message followed by its replies'),
	canPost: z.boolean(),
	canModerate: z.boolean()
}).meta({ id: 'Thread' });

export const TaggedMessageJson = z
	.object({ thread: z.object({ id: z.string(), title: z.string(), url: z.url() }), message: MessageJson })
	.meta({ id: 'TaggedMessage' });

export const TaggedPageJson = z
	.object({ tag: z.string(), items: z.array(TaggedMessageJson), next: z.string().nullable() })
	.meta({ id: 'TaggedMessagePage' });

export const ReportJson = z.object({ id: z.string(), createdAt: z.iso.datetime() }).meta({ id: 'MessageReport' });
