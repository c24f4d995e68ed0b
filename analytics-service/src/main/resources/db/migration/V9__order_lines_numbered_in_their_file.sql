-- The lines' surrogate key goes: its sequence and unique index cost a fifth of writing a line, and
-- nothing looks a line up by it. Lines keep their order within an order by line_no, the line's place
-- in the file that imported it (existing lines keep their old ids, which are in file order too).
-- Lines are now written straight to this table while their file is read; an import tells its own
-- lines from the earlier lines of the orders it replaces by import_id.
ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey;
ALTER TABLE order_lines ALTER COLUMN id DROP DEFAULT;
DROP SEQUENCE order_lines_id_seq;
ALTER TABLE order_lines RENAME COLUMN id TO line_no;
