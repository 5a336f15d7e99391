-- Version 2 of the kv4j schema: commits validate under advisory locks at READ COMMITTED instead of
-- under SERIALIZABLE, so that a commit fails only when something it read really changed. The
-- commit is now a few plain statements that the library sends in one round trip (CommitCall);
-- it needs no function of its own. ${schema} is replaced when this is applied.

-- SERIALIZABLE's predicate locks cover whole pages, or the whole table when the planner picks a
-- sequential scan (as it does on small tables), and so aborted commits whose reads had not
-- changed. Commits of version 1 take none of the advisory locks, so none may run beside those of
-- version 2: dropping the function makes an older library's commits fail instead.
DROP FUNCTION ${schema}.commit_v1(text[], text[], bigint[], text[], text[], text[], int[], int[],
    text[], bigint[], text[], text[], text[], smallint[], text);

-- Room on each page for the new version of a row, so that an overwrite is a HOT update and adds
-- nothing to the primary key's index. Applies to pages written from now on.
ALTER TABLE ${schema}.entries SET (fillfactor = 90);
