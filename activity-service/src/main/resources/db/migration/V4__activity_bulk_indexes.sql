-- Most activities name no communicator: index only those that do, so bulk inserts of the others
-- do not pay for a GIN entry each.
drop index activity_communicators;
create index activity_communicators on activity using gin (communicator_ids jsonb_path_ops)
    where communicator_ids is not null;
