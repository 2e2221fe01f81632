-- Issue 5, ADR 8: the titles of the short notes get their own indexes, as their documents have (migration 0014). A
-- common word is in thousands of titles; ranking takes the best hundred by the prior, and reading every title match's
-- row to sort them was half of the ranking statement (9 ms of 18 for "file" at 100,000 notes).
CREATE INDEX "note_search_short_title_fr_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'fr' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_title_en_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'en' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_title_simple_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'simple' and prior >= -4.1::real;--> statement-breakpoint
-- No statistics for these indexes, like the others of 0014.
ALTER INDEX "note_search_short_title_fr_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_short_title_en_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_short_title_simple_idx" ALTER COLUMN 1 SET STATISTICS 0;
