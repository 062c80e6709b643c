-- A digest of the stored version's content, so an equal version with new content (a copy joined the story's
-- duplicate cluster) is applied while a replay of the same record stays a no-op.
ALTER TABLE articles ADD COLUMN content_hash text;
