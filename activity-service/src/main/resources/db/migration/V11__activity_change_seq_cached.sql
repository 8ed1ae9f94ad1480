-- Each backend takes change_seq values a thousand at a time instead of locking and reading the
-- sequence, and writing WAL every 32 values, for every row: a bulk COPY draws one per row. The feed
-- orders by the writing transaction first (V10), and within one transaction a backend's values still
-- rise, so values that interleave across backends, and the gaps cached values leave, change nothing.
alter sequence activity_change_seq cache 1000;
