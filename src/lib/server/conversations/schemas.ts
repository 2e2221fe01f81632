import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, MAX_RECIPIENTS, parseHandles } from '../../domain/conversations.ts';
import { PageQuery } from '../db/cursor.ts';

const Body = z
	.string({ error: 'dm_body_required' })
	.trim()
	.min(1, 'dm_body_required')
	.max(MAX_MESSAGE_LENGTH, 'dm_body_too_long')
	.describe('The message, in Markdown');

// The form sends one text field ("@alex, @marie-soleil"); the API sends a list. Both end as lower-case handles.
const Handles = z
	.union([
		z.string().max(2000).transform(parseHandles),
		z
			.array(z.string().max(40))
			.max(MAX_RECIPIENTS + 1)
			.transform((l) => parseHandles(l.join(' ')))
	])
	.pipe(z.array(z.string()).max(MAX_RECIPIENTS, 'dm_too_many_recipients'))
	.describe('Handles of the people to write to (with or without "@"); a form may send them in one text, separated by commas');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const StartConversationInput = z
	.object({
		handles: z.preprocess(blankToUndefined, Handles.optional()),
		noteId: z
			.preprocess(blankToUndefined, z.string().max(64).optional())
			.describe('Write to the authors of this note ("Contact the author"); the note becomes the context of the conversation'),
		body: Body
	})
	.refine((i) => (i.handles?.length ?? 0) > 0 || i.noteId, { message: 'dm_no_recipient', path: ['handles'] });
export type StartConversationInput = z.infer<typeof StartConversationInput>;

export const SendMessageInput = z.object({ body: Body });
export type SendMessageInput = z.infer<typeof SendMessageInput>;

export const ConversationIdParam = z.object({ id: z.string().max(64).describe('Conversation id') });

export const ListConversationsQuery = PageQuery;
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

/** Messages of a conversation, newest page first: `next` leads to older ones. */
export const ConversationMessagesQuery = PageQuery.extend({
	limit: PageQuery.shape.limit.default(50)
});
export type ConversationMessagesQuery = z.infer<typeof ConversationMessagesQuery>;

// JSON shapes of the API (present.ts returns these; the OpenAPI document is generated from them).

export const ParticipantJson = z
	.object({
		handle: z.string().describe('Handle of the participant'),
		displayName: z.string().describe('Name shown for the participant'),
		url: z.url().describe('Profile page')
	})
	.meta({ id: 'ConversationParticipant' });

const NoteContextJson = z
	.object({ id: z.string(), title: z.string(), url: z.url().describe('Note page') })
	.nullable()
	.describe('The note the conversation began from, when the caller may still see it');

export const ConversationSummaryJson = z
	.object({
		id: z.string().describe('Conversation id'),
		participants: z.array(ParticipantJson).describe('Everyone in the conversation, the caller included'),
		note: NoteContextJson,
		lastMessageAt: z.iso.datetime().describe('When the last message was sent'),
		lastMessage: z.string().nullable().describe('The start of the last message, on one line'),
		unread: z.number().int().describe('Messages of the others the caller has not read yet'),
		url: z.url().describe('Conversation page'),
		apiUrl: z.url().describe('This conversation in the API')
	})
	.meta({ id: 'ConversationSummary', description: 'A conversation in the caller’s list' });
export type ConversationSummaryJson = z.infer<typeof ConversationSummaryJson>;

export const DirectMessageJson = z
	.object({
		id: z.string(),
		author: ParticipantJson.nullable().describe('Null when the author’s account is gone'),
		body: z.string().describe('Markdown as written'),
		html: z.string().describe('The body rendered and sanitised'),
		createdAt: z.iso.datetime(),
		editedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'DirectMessage' });
export type DirectMessageJson = z.infer<typeof DirectMessageJson>;

export const ConversationJson = ConversationSummaryJson.extend({
	messages: z.array(DirectMessageJson).describe('One page of messages, oldest first'),
	next: z.string().nullable().describe('Cursor of the page of older messages, null when none')
}).meta({ id: 'Conversation', description: 'A conversation and one page of its messages' });
export type ConversationJson = z.infer<typeof ConversationJson>;

export const ConversationPageJson = z
	.object({
		items: z.array(ConversationSummaryJson).describe('The caller’s conversations, newest message first'),
		unreadTotal: z.number().int().describe('Unread messages over all the caller’s conversations'),
		next: z.string().nullable().describe('Cursor of the next page, null on the last page')
	})
	.meta({ id: 'ConversationPage' });
export type ConversationPageJson = z.infer<typeof ConversationPageJson>;

export const ReadStateJson = z
	.object({ unreadTotal: z.number().int().describe('Unread messages left over all the caller’s conversations') })
	.meta({ id: 'ConversationReadState' });
