-- Issue 5, ADR 8: the words' GIN indexes split by text search configuration. A search asks each index for the words as
-- its configuration parses them (search/note-match.ts), instead of ANDing each parse with a marker lexeme of its
-- configuration in one index, whose postings (every French or English note) cost more to read than the words'. And
-- indexes for narrowing by a notebook or an author (search/filters.ts).
DROP INDEX "note_search_document_idx";--> statement-breakpoint
DROP INDEX "note_search_short_idx";--> statement-breakpoint
DROP INDEX "note_search_title_vector_idx";--> statement-breakpoint
CREATE INDEX "note_search_document_fr_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_document_en_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_document_simple_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'simple';--> statement-breakpoint
CREATE INDEX "note_search_short_fr_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'fr' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_en_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'en' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_simple_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'simple' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_title_vector_fr_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_en_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_simple_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'simple';--> statement-breakpoint
CREATE INDEX "note_search_notebook_idx" ON "note_search" USING btree ("notebook_id");--> statement-breakpoint
CREATE INDEX "note_search_other_notebooks_idx" ON "note_search" USING gin ("other_notebook_ids");--> statement-breakpoint
CREATE INDEX "note_search_author_idx" ON "note_search" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "note_search_other_authors_idx" ON "note_search" USING gin ("other_author_ids");