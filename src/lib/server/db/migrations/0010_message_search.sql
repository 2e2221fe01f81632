-- Custom SQL (issue 6): messages of discussions are searched like notebooks and communities (migration 0008): a
-- message has no language of its own, so its words are indexed as French, English and simple parse them. Threads
-- are found through their messages; the first message of a light post is its whole text.
CREATE INDEX "message_search_idx" ON "message" USING gin (commonplace_search_any("body", ''));
