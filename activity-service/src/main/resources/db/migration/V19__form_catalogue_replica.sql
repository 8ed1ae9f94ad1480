-- A replica of plan-service's catalogue of forms of communication, kept from its communication-forms
-- events: an activity's form is checked against it, and FormRules reads the figures each form must report
-- from it. Seeded with the rows plan-service's V13 seeds, because those rows have no event: a service that
-- starts before plan-service has published anything must still know every seeded form. An event carries
-- the form's whole state and version, and a replica row only moves forward in version.
create table communication_form_replica (
    code             text        primary key,
    channel          text        not null,
    required_figures text[]      not null,
    retired          boolean     not null default false,
    version          int         not null default 0,
    updated_at       timestamptz not null default now()
);

insert into communication_form_replica (code, channel, required_figures) values
    ('BANNER', 'VISUAL', '{quantity}'),
    ('SLOGAN', 'VISUAL', '{quantity}'),
    ('LAUNCH_CEREMONY', 'DIRECT', '{attendance}'),
    ('CONFERENCE', 'DIRECT', '{attendance}'),
    ('DIALOGUE', 'DIRECT', '{attendance}'),
    ('SMALL_GROUP', 'DIRECT', '{attendance}'),
    ('ADVISORY_BOOTH', 'DIRECT', '{attendance}'),
    ('ONE_STOP_DESK', 'DIRECT', '{attendance}'),
    ('HOTLINE', 'DIRECT', '{attendance,interactions}'),
    ('ART_PERFORMANCE', 'DIRECT', '{attendance}'),
    ('MOBILE_CAMPAIGN', 'DIRECT', '{attendance}'),
    ('NEWS_ARTICLE', 'MASS_MEDIA', '{link,reach}'),
    ('RADIO_BROADCAST', 'MASS_MEDIA', '{quantity,durationMinutes}'),
    ('LOUDSPEAKER_BROADCAST', 'MASS_MEDIA', '{quantity,durationMinutes}'),
    ('INFOGRAPHIC', 'MASS_MEDIA', '{link,reach}'),
    ('MOTION_GRAPHIC', 'MASS_MEDIA', '{link,reach}'),
    ('PORTAL_POST', 'INTERNET', '{link,reach}'),
    ('SOCIAL_POST', 'INTERNET', '{link,reach}'),
    ('LIVESTREAM', 'INTERNET', '{plays,interactions}'),
    ('ONLINE_CONTEST', 'INTERNET', '{attendance,interactions}'),
    ('LEAFLET', 'COMMUNICATION_PRODUCT', '{quantity}'),
    ('BROCHURE', 'COMMUNICATION_PRODUCT', '{quantity}'),
    ('PROMOTIONAL_ITEM', 'COMMUNICATION_PRODUCT', '{quantity}'),
    ('BOOK_AND_CARD_DONATION', 'DONATION', '{booksAndCardsDonated}'),
    ('TELEVISION_BROADCAST', 'MASS_MEDIA', '{quantity,durationMinutes}'),
    ('SEMINAR', 'DIRECT', '{attendance}'),
    ('TALK_SHOW', 'MASS_MEDIA', '{attendance,plays,reach}');
