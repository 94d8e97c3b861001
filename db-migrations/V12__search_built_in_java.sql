-- The search vector is computed by the storing batch (storing.control.SearchDocument splits the
-- text, PostgreSQL stems it) instead of a generated column whose SQL regular expressions ran per
-- row and field. Existing rows keep their vectors; queries are unchanged (herald_search_query).
alter table messages alter column search drop expression;
